import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { regions } from "./regions";

/**
 * Where a practice is in curation. It describes the newest revision: a published practice
 * being revised is "draft"/"submitted"/"changes_requested" while its published revision
 * stays public (publishedRevisionId).
 */
export const practiceState = pgEnum("practice_state", ["draft", "submitted", "changes_requested", "published", "archived"]);
export const practiceStage = pgEnum("practice_stage", ["inisiatif", "uji_coba", "penerapan", "direplikasi"]);
export const practiceRunningStatus = pgEnum("practice_running_status", ["active", "stopped"]);

export interface OutcomeMetric {
  name: string;
  baseline: number | null;
  result: number;
  unit: string;
  baselineYear: number | null;
  resultYear: number | null;
}

export interface SourceLink {
  label: string;
  url: string | null;
}

export const practices = pgTable(
  "practices",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    state: practiceState("state").notNull().default("draft"),
    /** Number of the newest revision; an edit based on an older one is refused (optimistic locking). */
    version: integer("version").notNull().default(1),
    latestRevisionId: integer("latest_revision_id").references((): AnyPgColumn => practiceRevisions.id),
    publishedRevisionId: integer("published_revision_id").references((): AnyPgColumn => practiceRevisions.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Seed case studies written by us from public sources, not by the region itself. */
    compiledFromPublicSources: boolean("compiled_from_public_sources").notNull().default(false),
    /**
     * How many public practices record this one as their source: kept by triggers on every change
     * to an adoption or to an adopter's visibility (migration 0017, decision 0040), so the
     * most-adopted order reads one index instead of counting 2,000 adoptions for every page.
     */
    publicAdoptionCount: integer("public_adoption_count").notNull().default(0),
    /**
     * The published revision's indicatorIds, copied by a trigger whenever publishedRevisionId is
     * set (revisions never change; migration 0018): lists filtered by indicator read one index on
     * practices instead of joining a thousand revisions to check each is the published one.
     */
    publishedIndicatorIds: integer("published_indicator_ids").array().notNull().default(sql`'{}'`),
    /** Stable key of a seeded practice, so seeding is idempotent. */
    seedKey: text("seed_key").unique(),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("practices_region_idx").on(table.regionCode),
    index("practices_state_idx").on(table.state, table.submittedAt),
    index("practices_published_idx").on(table.publishedAt).where(sql`${table.publishedRevisionId} is not null`),
    index("practices_published_indicators_idx").using("gin", table.publishedIndicatorIds).where(sql`${table.publishedRevisionId} is not null`),
    index("practices_most_adopted_idx")
      .on(table.publicAdoptionCount.desc().nullsFirst(), table.publishedAt.desc().nullsFirst(), table.id.desc().nullsFirst())
      .where(sql`${table.publishedRevisionId} is not null`),
  ],
);

/**
 * A revision's words for PostgreSQL full-text search ('simple': no stemming, fine for
 * Indonesian), which the search page falls back to when Meilisearch cannot answer. The same
 * expression is indexed below, so the fallback stays fast at scale.
 */
export function revisionTextVector(revision: { title: AnyPgColumn; summary: AnyPgColumn; body: AnyPgColumn }) {
  return sql`to_tsvector('simple', ${revision.title} || ' ' || ${revision.summary} || ' ' || ${revision.body})`;
}

/** Every save is an immutable revision, so the full history and its diffs are always there. */
export const practiceRevisions = pgTable(
  "practice_revisions",
  {
    id: serial("id").primaryKey(),
    practiceId: integer("practice_id")
      .notNull()
      .references((): AnyPgColumn => practices.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en").notNull().default(""),
    summary: text("summary").notNull(),
    summaryEn: text("summary_en").notNull().default(""),
    /** Markdown. */
    body: text("body").notNull(),
    leadOpd: text("lead_opd").notNull().default(""),
    partners: text("partners").array().notNull().default(sql`'{}'`),
    contact: text("contact").notNull().default(""),
    /** framework_nodes ids of the indicators the practice addresses. */
    indicatorIds: integer("indicator_ids").array().notNull().default(sql`'{}'`),
    stage: practiceStage("stage").notNull(),
    runningStatus: practiceRunningStatus("running_status").notNull().default("active"),
    stoppedReason: text("stopped_reason").notNull().default(""),
    /** Partial dates: "YYYY" or "YYYY-MM" (public sources rarely give a day). */
    stoppedOn: text("stopped_on"),
    startedOn: text("started_on"),
    implementedOn: text("implemented_on"),
    metrics: jsonb("metrics").$type<OutcomeMetric[]>().notNull().default([]),
    tags: text("tags").array().notNull().default(sql`'{}'`),
    legalBasis: text("legal_basis").notNull().default(""),
    budgetSource: text("budget_source").notNull().default(""),
    lessonsLearned: text("lessons_learned").notNull().default(""),
    replicationNeeds: text("replication_needs").notNull().default(""),
    sources: jsonb("sources").$type<SourceLink[]>().notNull().default([]),
    /** practice_attachments shown with this revision. */
    attachmentIds: integer("attachment_ids").array().notNull().default(sql`'{}'`),
    authorId: integer("author_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("practice_revisions_number_key").on(table.practiceId, table.number),
    index("practice_revisions_tags_idx").using("gin", table.tags),
    index("practice_revisions_indicators_idx").using("gin", table.indicatorIds),
    index("practice_revisions_text_search_idx").using("gin", revisionTextVector(table)),
  ],
);

export const practiceReviewEventKind = pgEnum("practice_review_event_kind", [
  "submitted",
  "comment",
  "changes_requested",
  "published",
  "archived",
  "restored",
]);

/** The curation conversation and decisions on a practice, in order. */
export const practiceReviewEvents = pgTable(
  "practice_review_events",
  {
    id: serial("id").primaryKey(),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => practiceRevisions.id),
    kind: practiceReviewEventKind("kind").notNull(),
    body: text("body").notNull().default(""),
    authorId: integer("author_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("practice_review_events_practice_idx").on(table.practiceId, table.id)],
);

/** "Adopted from": a practice replicates another region's practice, or simply that region. */
export const practiceAdoptions = pgTable(
  "practice_adoptions",
  {
    adopterPracticeId: integer("adopter_practice_id")
      .primaryKey()
      .references(() => practices.id, { onDelete: "cascade" }),
    sourcePracticeId: integer("source_practice_id").references(() => practices.id, { onDelete: "set null" }),
    sourceRegionCode: text("source_region_code")
      .notNull()
      .references(() => regions.code),
    note: text("note").notNull().default(""),
    /** Whether the adopting practice is public (`isPublic`), kept by triggers: such adoptions are the source's publicAdoptionCount. */
    adopterIsPublic: boolean("adopter_is_public").notNull().default(false),
    recordedById: integer("recorded_by_id").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("practice_adoptions_source_practice_idx").on(table.sourcePracticeId),
    index("practice_adoptions_source_region_idx").on(table.sourceRegionCode),
    check("practice_adoptions_not_self", sql`${table.sourcePracticeId} is distinct from ${table.adopterPracticeId}`),
  ],
);

/** Peer questions on a published practice (questionId null) and the region's answers to them. */
export const practicePosts = pgTable(
  "practice_posts",
  {
    id: serial("id").primaryKey(),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    questionId: integer("question_id").references((): AnyPgColumn => practicePosts.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenById: integer("hidden_by_id").references(() => users.id),
  },
  (table) => [
    index("practice_posts_practice_idx").on(table.practiceId, table.id),
    // A page of questions, and the answers of each, read without scanning the practice's posts.
    index("practice_posts_question_idx").on(table.questionId, table.id),
  ],
);

export const attachmentKind = pgEnum("attachment_kind", ["image", "pdf"]);

/** Evidence files; which ones a revision shows is its attachmentIds. Bytes live in storage. */
export const practiceAttachments = pgTable(
  "practice_attachments",
  {
    id: serial("id").primaryKey(),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    kind: attachmentKind("kind").notNull(),
    /** Detected from the content, never from the name the browser sent. */
    contentType: text("content_type").notNull(),
    fileName: text("file_name").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedById: integer("uploaded_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("practice_attachments_storage_key").on(table.storageKey)],
);
