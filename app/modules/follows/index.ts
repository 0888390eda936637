/** The browser-safe public face of this area (decision 0008). */
export { FEED_PATH, FOLLOW_FIELDS, FOLLOW_PATH, FOLLOW_TYPE_WORDS, type FollowTarget, type FollowTargetType } from "./targets";
