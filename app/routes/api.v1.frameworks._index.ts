import { frameworksEndpoint } from "~/modules/api/endpoints.server";
import { apiAction, endpointLoader } from "~/modules/api/respond.server";

export const loader = endpointLoader(frameworksEndpoint);
export const action = apiAction;
