import { appUrl } from "~/modules/http/app-url.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildCatalog, CATALOG_CONTENT_TYPE } from "~/modules/open-data/catalog.server";

/** The DCAT-AP catalog of the open datasets, for Satu Data Indonesia (CKAN) portals to harvest. */
export async function loader({ request }: LoaderFunctionArgs) {
  const catalog = await buildCatalog(new URL(appUrl(request, "/")).origin);
  return new Response(JSON.stringify(catalog, null, 2), {
    headers: { "Content-Type": `${CATALOG_CONTENT_TYPE}; charset=utf-8`, "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
