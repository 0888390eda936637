/** The public face of this area: other areas import only this file (decision 0008). */
export { deleteExpiredCountersJob, forgetPasswordAttempt, type LimitedAction, LIMITS, type LimitedRead, type Requester, reserve, reserveRead } from "./rate-limits.server";
