import { visitsEndpoint } from "~/modules/api/endpoints.server";
import { apiAction, endpointLoader } from "~/modules/api/respond.server";

export const loader = endpointLoader(visitsEndpoint);
export const action = apiAction;
