import { apiAction, notFoundLoader } from "~/modules/api/respond.server";

/** Paths under /api that name nothing: a problem+json 404, not the site's HTML page. */
export const loader = notFoundLoader;
export const action = apiAction;
