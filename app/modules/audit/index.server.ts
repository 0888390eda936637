/** The public face of this area: other areas import only this file (decision 0008). */
export { type AuditEntry, recordAudit } from "./audit.server";
