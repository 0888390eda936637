/**
 * The header counts unread notifications up to this many and shows "99+" beyond. Its own file:
 * the header is on every page, and kinds.ts (the list of kinds) need not come with it.
 */
export const UNREAD_COUNT_CAP = 99;
