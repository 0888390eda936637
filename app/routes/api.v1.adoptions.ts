import { adoptionsEndpoint } from "~/modules/api/endpoints.server";
import { apiAction, endpointLoader } from "~/modules/api/respond.server";

export const loader = endpointLoader(adoptionsEndpoint);
export const action = apiAction;
