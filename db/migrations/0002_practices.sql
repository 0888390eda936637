CREATE TYPE "public"."attachment_kind" AS ENUM('image', 'pdf');--> statement-breakpoint
CREATE TYPE "public"."practice_review_event_kind" AS ENUM('submitted', 'comment', 'changes_requested', 'published', 'archived', 'restored');--> statement-breakpoint
CREATE TYPE "public"."practice_running_status" AS ENUM('active', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."practice_stage" AS ENUM('inisiatif', 'uji_coba', 'penerapan', 'direplikasi');--> statement-breakpoint
CREATE TYPE "public"."practice_state" AS ENUM('draft', 'submitted', 'changes_requested', 'published', 'archived');--> statement-breakpoint
CREATE TABLE "practice_adoptions" (
	"adopter_practice_id" integer PRIMARY KEY NOT NULL,
	"source_practice_id" integer,
	"source_region_code" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_adoptions_not_self" CHECK ("practice_adoptions"."source_practice_id" is distinct from "practice_adoptions"."adopter_practice_id")
);
--> statement-breakpoint
CREATE TABLE "practice_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"practice_id" integer NOT NULL,
	"storage_key" text NOT NULL,
	"kind" "attachment_kind" NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"practice_id" integer NOT NULL,
	"question_id" integer,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by_id" integer
);
--> statement-breakpoint
CREATE TABLE "practice_review_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"practice_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"kind" "practice_review_event_kind" NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"practice_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"summary" text NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"lead_opd" text DEFAULT '' NOT NULL,
	"partners" text[] DEFAULT '{}' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"indicator_ids" integer[] DEFAULT '{}' NOT NULL,
	"stage" "practice_stage" NOT NULL,
	"running_status" "practice_running_status" DEFAULT 'active' NOT NULL,
	"stopped_reason" text DEFAULT '' NOT NULL,
	"stopped_on" text,
	"started_on" text,
	"implemented_on" text,
	"metrics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"budget_source" text DEFAULT '' NOT NULL,
	"lessons_learned" text DEFAULT '' NOT NULL,
	"replication_needs" text DEFAULT '' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_revisions_number_key" UNIQUE("practice_id","number")
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"state" "practice_state" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"latest_revision_id" integer,
	"published_revision_id" integer,
	"submitted_at" timestamp with time zone,
	"first_published_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"compiled_from_public_sources" boolean DEFAULT false NOT NULL,
	"seed_key" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practices_seed_key_unique" UNIQUE("seed_key")
);
--> statement-breakpoint
ALTER TABLE "practice_adoptions" ADD CONSTRAINT "practice_adoptions_adopter_practice_id_practices_id_fk" FOREIGN KEY ("adopter_practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_adoptions" ADD CONSTRAINT "practice_adoptions_source_practice_id_practices_id_fk" FOREIGN KEY ("source_practice_id") REFERENCES "public"."practices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_adoptions" ADD CONSTRAINT "practice_adoptions_source_region_code_regions_code_fk" FOREIGN KEY ("source_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_adoptions" ADD CONSTRAINT "practice_adoptions_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attachments" ADD CONSTRAINT "practice_attachments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attachments" ADD CONSTRAINT "practice_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_posts" ADD CONSTRAINT "practice_posts_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_posts" ADD CONSTRAINT "practice_posts_question_id_practice_posts_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."practice_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_posts" ADD CONSTRAINT "practice_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_posts" ADD CONSTRAINT "practice_posts_hidden_by_id_users_id_fk" FOREIGN KEY ("hidden_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_review_events" ADD CONSTRAINT "practice_review_events_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_review_events" ADD CONSTRAINT "practice_review_events_revision_id_practice_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."practice_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_review_events" ADD CONSTRAINT "practice_review_events_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_revisions" ADD CONSTRAINT "practice_revisions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_revisions" ADD CONSTRAINT "practice_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_latest_revision_id_practice_revisions_id_fk" FOREIGN KEY ("latest_revision_id") REFERENCES "public"."practice_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_published_revision_id_practice_revisions_id_fk" FOREIGN KEY ("published_revision_id") REFERENCES "public"."practice_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_adoptions_source_practice_idx" ON "practice_adoptions" USING btree ("source_practice_id");--> statement-breakpoint
CREATE INDEX "practice_adoptions_source_region_idx" ON "practice_adoptions" USING btree ("source_region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_attachments_storage_key" ON "practice_attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "practice_posts_practice_idx" ON "practice_posts" USING btree ("practice_id","id");--> statement-breakpoint
CREATE INDEX "practice_review_events_practice_idx" ON "practice_review_events" USING btree ("practice_id","id");--> statement-breakpoint
CREATE INDEX "practice_revisions_tags_idx" ON "practice_revisions" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "practice_revisions_indicators_idx" ON "practice_revisions" USING gin ("indicator_ids");--> statement-breakpoint
CREATE INDEX "practices_region_idx" ON "practices" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "practices_state_idx" ON "practices" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "practices_published_idx" ON "practices" USING btree ("published_at") WHERE "practices"."published_revision_id" is not null;