/** The server public face of this area: other areas import only this file or index.ts (decision 0008). */
export { notifyFollowersOfNewPractice } from "./followers.server";
export { resolveFollowTarget } from "./follows.server";
