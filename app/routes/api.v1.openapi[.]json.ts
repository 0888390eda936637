import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/modules/api/openapi.server";
import { answerApiRequest, apiAction, jsonResponse } from "~/modules/api/respond.server";

/** The API's OpenAPI 3.1 document, generated from the handlers' schemas. */
export function loader({ request, context }: LoaderFunctionArgs) {
  return answerApiRequest(request, context, async () => jsonResponse(request, openApiDocument()));
}
export const action = apiAction;
