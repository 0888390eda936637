import { redirect } from "@remix-run/node";

/** /api: the current version's reference. */
export const loader = () => redirect("/api/v1");
