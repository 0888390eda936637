import { data, type ServerBuild } from "@remix-run/node";
import { errorMessage } from "../error-message";
import { log } from "../log.server";
import { isDatabaseUnavailable, OUTAGE_RETRY_AFTER_SECONDS } from "./database-unavailable.server";

type RouteModule = ServerBuild["routes"][string]["module"];
type DataFunction = NonNullable<RouteModule["loader"]>;

const RESOURCE_MESSAGE =
  "503 — Layanan sedang tidak tersedia untuk sementara; coba lagi sebentar lagi. / The service is temporarily unavailable; try again in a moment.";

/**
 * A loader or action whose database outage becomes a 503 with Retry-After: on a page, a thrown
 * status the error page explains in the visitor's language; on a download or feed, plain text.
 * The API answers its own outages as problem+json before this (api/respond.server.ts).
 */
function answeringOutages(run: DataFunction, page: boolean): DataFunction {
  return async (args) => {
    try {
      return await run(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      log.error({ error: errorMessage(error) }, "database unavailable, answered 503");
      if (!page) {
        throw new Response(RESOURCE_MESSAGE, {
          status: 503,
          headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
        });
      }
      // entry.server turns this into the Retry-After header of the page (and of its data requests).
      args.context.retryAfterSeconds = OUTAGE_RETRY_AFTER_SECONDS;
      throw data({ retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS }, { status: 503, headers: { "Cache-Control": "no-store" } });
    }
  };
}

function answeringOutagesIn(module: RouteModule): RouteModule {
  const page = module.default !== undefined;
  return {
    ...module,
    ...(module.loader ? { loader: answeringOutages(module.loader, page) } : {}),
    ...(module.action ? { action: answeringOutages(module.action, page) } : {}),
  };
}

/**
 * The server build with every loader and action answering a database outage (unreachable, timed
 * out, shut down) with 503 and Retry-After instead of the generic 500, so clients and load
 * balancers know to retry. One place for all routes: Remix v2 has no request middleware.
 */
export function answeringDatabaseOutages(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(Object.entries(build.routes).map(([id, route]) => [id, { ...route, module: answeringOutagesIn(route.module) }]));
  return { ...build, routes };
}
