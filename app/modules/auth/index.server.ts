/** The server public face of this area: other areas import only this file or index.ts (decision 0008). */
export { currentUser, requirePermission, requireUser } from "./guards.server";
export { deliverMail, type MailMessage, sendMail, UnsafeMailHeaderError } from "./mailer.server";
export { deleteExpiredLinksJob } from "./one-time-links.server";
