import type { MetaDescriptor } from "@remix-run/node";

/** `<title>` for a page: its own title followed by the site name. */
export function pageTitle(title: string | undefined): MetaDescriptor[] {
  return [{ title: title ? `${title} · IDSL` : "IDSL — Indonesia Digital Services Living Lab" }];
}
