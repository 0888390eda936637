import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { regions } from "./regions";

/** Raw bytes (SHA-256 digests of secrets). */
const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value),
  fromDriver: (value) => new Uint8Array(value),
});

export const userRole = pgEnum("user_role", ["admin", "curator", "editor", "member"]);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Stored lower-cased; unique. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id PHC string; null until the user sets a password. */
    passwordHash: text("password_hash"),
    role: userRole("role").notNull(),
    /** Editors and members belong to one region; admins and curators (Kemendagri) to none. */
    regionCode: text("region_code").references(() => regions.code),
    active: boolean("active").notNull().default(true),
    /** The language of the emails we send them: the site language they last chose or signed in with. */
    language: text("language").notNull().default("id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("users_email_key").on(table.email),
    index("users_region_idx").on(table.regionCode),
    check(
      "users_region_matches_role",
      sql`(${table.role} in ('editor', 'member')) = (${table.regionCode} is not null)`,
    ),
    check("users_language_known", sql`${table.language} in ('id', 'en')`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    /** SHA-256 of the token's secret half; the secret itself is never stored. */
    secretHash: bytea("secret_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: serial("id").primaryKey(),
    /** SHA-256 of the link's token. */
    tokenHash: bytea("token_hash").notNull(),
    email: text("email").notNull(),
    role: userRole("role").notNull(),
    regionCode: text("region_code").references(() => regions.code),
    invitedById: integer("invited_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: integer("accepted_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("invitations_token_hash_key").on(table.tokenHash),
    check(
      "invitations_region_matches_role",
      sql`(${table.role} in ('editor', 'member')) = (${table.regionCode} is not null)`,
    ),
  ],
);

export const oneTimeLinkPurpose = pgEnum("one_time_link_purpose", ["set_password", "sign_in"]);

/**
 * Single-use links for an existing user: "set a new password" (admin-issued reset, first
 * admin) and, for demo accounts on a development machine only, "sign in".
 */
export const oneTimeLinks = pgTable(
  "one_time_links",
  {
    id: serial("id").primaryKey(),
    tokenHash: bytea("token_hash").notNull(),
    purpose: oneTimeLinkPurpose("purpose").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("one_time_links_token_hash_key").on(table.tokenHash)],
);

/**
 * Counters of rate-limiter-flexible's PostgreSQL (Drizzle) store, shared by every server
 * process: one row per limit and account or IP, its points used in the window ending at `expire`.
 */
export const rateLimitCounters = pgTable("rate_limit_counters", {
  /** "<limit>:<account|ip>:<id or address>". */
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: timestamp("expire", { withTimezone: true }),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id").references(() => users.id),
    /** e.g. "auth.sign_in", "user.role_changed", "invitation.created". */
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (table) => [
    index("audit_log_at_idx").on(table.at),
    index("audit_log_actor_idx").on(table.actorId),
    index("audit_log_action_idx").on(table.action),
  ],
);
