CREATE TYPE "public"."crosswalk_status" AS ENUM('proposed', 'confirmed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."framework_change_status" AS ENUM('pending', 'approved', 'rejected', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."framework_source_status" AS ENUM('official_text', 'secondary_sources');--> statement-breakpoint
CREATE TABLE "framework_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"base_version" integer NOT NULL,
	"proposed" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" "framework_change_status" DEFAULT 'pending' NOT NULL,
	"proposed_by_id" integer NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by_id" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "framework_crosswalk" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_node_id" integer NOT NULL,
	"to_node_id" integer NOT NULL,
	"status" "crosswalk_status" DEFAULT 'proposed' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reviewed_by_id" integer,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "framework_crosswalk_pair_key" UNIQUE("from_node_id","to_node_id")
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"framework_id" integer NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"change_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_versions_framework_id_version_pk" PRIMARY KEY("framework_id","version")
);
--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD COLUMN "score_from" text;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "short_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "source_status" "framework_source_status" DEFAULT 'official_text' NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "status_note" text;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "first_year" integer;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "last_year" integer;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_levels" ADD COLUMN "external_score" numeric(6, 2);--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "framework_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "published_results" ADD COLUMN "framework_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_changes" ADD CONSTRAINT "framework_changes_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_changes" ADD CONSTRAINT "framework_changes_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_changes" ADD CONSTRAINT "framework_changes_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_crosswalk" ADD CONSTRAINT "framework_crosswalk_from_node_id_framework_nodes_id_fk" FOREIGN KEY ("from_node_id") REFERENCES "public"."framework_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_crosswalk" ADD CONSTRAINT "framework_crosswalk_to_node_id_framework_nodes_id_fk" FOREIGN KEY ("to_node_id") REFERENCES "public"."framework_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_crosswalk" ADD CONSTRAINT "framework_crosswalk_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_change_id_framework_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."framework_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "framework_changes_framework_idx" ON "framework_changes" USING btree ("framework_id","status");