CREATE TYPE "public"."level_submission_status" AS ENUM('submitted', 'returned', 'verified', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."group_average_scope" AS ENUM('national', 'national_kabupaten', 'national_kota', 'province_regions', 'named_group');--> statement-breakpoint
CREATE TYPE "public"."published_result_origin" AS ENUM('seed', 'import');--> statement-breakpoint
CREATE TYPE "public"."figure_kind" AS ENUM('official', 'verified', 'self', 'sample');--> statement-breakpoint
ALTER TYPE "public"."source_kind" ADD VALUE 'evaluation_report' BEFORE 'self_assessment';--> statement-breakpoint
CREATE TABLE "framework_level_criteria" (
	"node_id" integer NOT NULL,
	"level" integer NOT NULL,
	"criteria" text NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	CONSTRAINT "framework_level_criteria_node_id_level_pk" PRIMARY KEY("node_id","level")
);
--> statement-breakpoint
CREATE TABLE "level_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"framework_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" "level_submission_status" DEFAULT 'submitted' NOT NULL,
	"levels" jsonb NOT NULL,
	"reported_index" numeric(4, 2),
	"editor_note" text DEFAULT '' NOT NULL,
	"report_storage_key" text NOT NULL,
	"report_file_name" text NOT NULL,
	"report_byte_size" integer NOT NULL,
	"report_sha256" text NOT NULL,
	"submitted_by_id" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by_id" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "level_submissions_reported_index_range" CHECK ("level_submissions"."reported_index" is null or "level_submissions"."reported_index" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "published_group_averages" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"year" integer NOT NULL,
	"scope" "group_average_scope" NOT NULL,
	"label" text NOT NULL,
	"province_code" text,
	"member_count" integer,
	"value" numeric(4, 2) NOT NULL,
	"source_id" integer NOT NULL,
	"quote" text,
	"decree" text,
	CONSTRAINT "published_group_averages_key" UNIQUE("framework_id","year","label","source_id")
);
--> statement-breakpoint
CREATE TABLE "published_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"region_code" text,
	"province_code" text,
	"subject_code" text GENERATED ALWAYS AS (coalesce(region_code, province_code)) STORED NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(4, 2) NOT NULL,
	"decimals" smallint DEFAULT 2 NOT NULL,
	"reported_predikat" text,
	"source_id" integer NOT NULL,
	"quote" text,
	"decree" text,
	"origin" "published_result_origin" NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"superseded_by_id" integer,
	CONSTRAINT "published_results_source_key" UNIQUE("framework_id","subject_code","year","source_id"),
	CONSTRAINT "published_results_one_subject" CHECK (("published_results"."region_code" is null) <> ("published_results"."province_code" is null)),
	CONSTRAINT "published_results_value_range" CHECK ("published_results"."value" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "figure_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"framework_id" integer NOT NULL,
	"year" integer NOT NULL,
	"figure_kind" "figure_kind" NOT NULL,
	"body" text NOT NULL,
	"author_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by_id" integer,
	"hidden_reason" text,
	CONSTRAINT "figure_notes_not_sample" CHECK ("figure_notes"."figure_kind" <> 'sample')
);
--> statement-breakpoint
-- Published index values move out of "assessments" (kind official) into "published_results",
-- each with its source; a curator import without one gets a source that says so.
INSERT INTO "sources" ("key", "kind", "citation", "url")
SELECT 'idsl-import-without-source', 'official_decree', 'Hasil resmi diimpor kurator IDSL tanpa sumber tertulis', NULL
WHERE EXISTS (SELECT 1 FROM "assessments" WHERE "kind" = 'official' AND "reported_index" IS NOT NULL AND "source_id" IS NULL)
   OR EXISTS (SELECT 1 FROM "national_results" WHERE "source_id" IS NULL)
ON CONFLICT ("key") DO NOTHING;--> statement-breakpoint
INSERT INTO "published_results" ("framework_id", "region_code", "year", "value", "decimals", "reported_predikat", "source_id", "decree", "origin", "created_by_id", "created_at", "updated_at")
SELECT a."framework_id", a."region_code", a."year", a."reported_index", 2, a."reported_predikat",
  coalesce(a."source_id", (SELECT "id" FROM "sources" WHERE "key" = 'idsl-import-without-source')),
  a."decree", (CASE WHEN a."updated_by_id" IS NULL THEN 'seed' ELSE 'import' END)::"published_result_origin",
  a."updated_by_id", a."created_at", a."updated_at"
FROM "assessments" a
WHERE a."kind"::text = 'official' AND a."reported_index" IS NOT NULL;--> statement-breakpoint
-- The national index becomes one of the published averages (scope "national").
INSERT INTO "published_group_averages" ("framework_id", "year", "scope", "label", "value", "source_id", "decree")
SELECT n."framework_id", n."year", 'national', 'Nasional', n."national_index",
  coalesce(n."source_id", (SELECT "id" FROM "sources" WHERE "key" = 'idsl-import-without-source')), n."decree"
FROM "national_results" n;--> statement-breakpoint
DROP TABLE "national_results" CASCADE;--> statement-breakpoint
ALTER TABLE "assessments" ALTER COLUMN "kind" SET DATA TYPE text;--> statement-breakpoint
-- Official results that came with indicator levels keep them as curator-verified levels.
DELETE FROM "assessments" WHERE "kind" = 'official' AND "computed_index" IS NULL;--> statement-breakpoint
UPDATE "assessments" SET "kind" = 'verified' WHERE "kind" = 'official';--> statement-breakpoint
DROP TYPE "public"."assessment_kind";--> statement-breakpoint
CREATE TYPE "public"."assessment_kind" AS ENUM('verified', 'self', 'sample');--> statement-breakpoint
ALTER TABLE "assessments" ALTER COLUMN "kind" SET DATA TYPE "public"."assessment_kind" USING "kind"::"public"."assessment_kind";--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "submission_id" integer;--> statement-breakpoint
ALTER TABLE "framework_level_criteria" ADD CONSTRAINT "framework_level_criteria_node_id_framework_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."framework_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_submissions" ADD CONSTRAINT "level_submissions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_submissions" ADD CONSTRAINT "level_submissions_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_submissions" ADD CONSTRAINT "level_submissions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_submissions" ADD CONSTRAINT "level_submissions_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_group_averages" ADD CONSTRAINT "published_group_averages_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_group_averages" ADD CONSTRAINT "published_group_averages_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_group_averages" ADD CONSTRAINT "published_group_averages_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_superseded_by_id_users_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_notes" ADD CONSTRAINT "figure_notes_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_notes" ADD CONSTRAINT "figure_notes_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_notes" ADD CONSTRAINT "figure_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_notes" ADD CONSTRAINT "figure_notes_hidden_by_id_users_id_fk" FOREIGN KEY ("hidden_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "level_submissions_queue_idx" ON "level_submissions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "level_submissions_region_idx" ON "level_submissions" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "level_submissions_open_key" ON "level_submissions" USING btree ("region_code","framework_id","year") WHERE "level_submissions"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "published_results_current_idx" ON "published_results" USING btree ("framework_id","year") WHERE "published_results"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "published_results_subject_idx" ON "published_results" USING btree ("subject_code","year");--> statement-breakpoint
CREATE INDEX "figure_notes_region_idx" ON "figure_notes" USING btree ("region_code","framework_id","year");--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_submission_id_level_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."level_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" DROP COLUMN "reported_predikat";--> statement-breakpoint
ALTER TABLE "assessments" DROP COLUMN "decree";