import { applicationsEndpoint } from "~/modules/api/endpoints.server";
import { apiAction, endpointLoader } from "~/modules/api/respond.server";

export const loader = endpointLoader(applicationsEndpoint);
export const action = apiAction;
