import { assessmentsEndpoint } from "~/modules/api/endpoints.server";
import { apiAction, endpointLoader } from "~/modules/api/respond.server";

export const loader = endpointLoader(assessmentsEndpoint);
export const action = apiAction;
