import { frameworkEndpoint } from "~/modules/api/endpoints.server";
import { apiAction, endpointLoader } from "~/modules/api/respond.server";

export const loader = endpointLoader(frameworkEndpoint);
export const action = apiAction;
