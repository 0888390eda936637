import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { auditLog, users } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";
import { escapeLikePattern } from "../text/like-pattern";

export interface AuditEntry {
  actorId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Records who did what to what; pass the transaction so the entry commits with the change. */
export async function recordAudit(entry: AuditEntry, executor: DatabaseOrTransaction = db()): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  });
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditQuery {
  action: string;
  actorEmail: string;
  from: Date | null;
  /** Exclusive upper bound. */
  until: Date | null;
  page: number;
}

export async function searchAuditLog(query: AuditQuery) {
  const conditions: (SQL | undefined)[] = [
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.actorEmail ? ilike(users.email, `%${escapeLikePattern(query.actorEmail)}%`) : undefined,
    query.from ? gte(auditLog.at, query.from) : undefined,
    query.until ? lt(auditLog.at, query.until) : undefined,
  ];
  const where = and(...conditions);
  const [total] = await db().select({ value: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where);
  const rows = await db()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorEmail: users.email,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((query.page - 1) * AUDIT_PAGE_SIZE);
  return { total: total?.value ?? 0, rows };
}

export async function listAuditActions(): Promise<string[]> {
  const rows = await db().selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((row) => row.action);
}
