CREATE TYPE "public"."source_kind" AS ENUM('regulation', 'official_decree', 'news', 'self_assessment', 'sample');--> statement-breakpoint
CREATE TYPE "public"."region_type" AS ENUM('kabupaten', 'kota');--> statement-breakpoint
CREATE TYPE "public"."framework_node_kind" AS ENUM('domain', 'aspect', 'indicator');--> statement-breakpoint
CREATE TYPE "public"."assessment_kind" AS ENUM('official', 'self', 'sample');--> statement-breakpoint
CREATE TABLE "sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"kind" "source_kind" NOT NULL,
	"citation" text NOT NULL,
	"url" text,
	CONSTRAINT "sources_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "cohort_members" (
	"cohort_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"evidence" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_members_cohort_id_region_code_pk" PRIMARY KEY("cohort_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description_id" text NOT NULL,
	"description_en" text NOT NULL,
	"started_on" date,
	"planned_size" integer,
	CONSTRAINT "cohorts_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"type" "region_type" NOT NULL,
	"province_code" text NOT NULL,
	"population" integer,
	"area_km2" numeric(12, 3),
	"source_id" integer
);
--> statement-breakpoint
CREATE TABLE "framework_levels" (
	"framework_id" integer NOT NULL,
	"level" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "framework_levels_framework_id_level_pk" PRIMARY KEY("framework_id","level")
);
--> statement-breakpoint
CREATE TABLE "framework_nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"parent_id" integer,
	"kind" "framework_node_kind" NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"weight" numeric(6, 3) NOT NULL,
	CONSTRAINT "framework_nodes_number_key" UNIQUE("framework_id","kind","number")
);
--> statement-breakpoint
CREATE TABLE "framework_predikat_bands" (
	"framework_id" integer NOT NULL,
	"name" text NOT NULL,
	"min_value" numeric NOT NULL,
	CONSTRAINT "framework_predikat_bands_framework_id_name_pk" PRIMARY KEY("framework_id","name")
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"scale_min" numeric NOT NULL,
	"scale_max" numeric NOT NULL,
	"decimals" integer NOT NULL,
	"formula" text NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "frameworks_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"framework_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" "assessment_kind" NOT NULL,
	"reported_index" numeric(4, 2),
	"reported_predikat" text,
	"decree" text,
	"source_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_region_framework_year_kind_key" UNIQUE("region_code","framework_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "national_results" (
	"framework_id" integer NOT NULL,
	"year" integer NOT NULL,
	"national_index" numeric(4, 2) NOT NULL,
	"instansi_evaluated" integer,
	"memuaskan_count" integer,
	"decree" text,
	"source_id" integer,
	CONSTRAINT "national_results_framework_id_year_pk" PRIMARY KEY("framework_id","year")
);
--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_levels" ADD CONSTRAINT "framework_levels_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD CONSTRAINT "framework_nodes_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD CONSTRAINT "framework_nodes_parent_id_framework_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."framework_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_predikat_bands" ADD CONSTRAINT "framework_predikat_bands_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_results" ADD CONSTRAINT "national_results_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_results" ADD CONSTRAINT "national_results_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cohort_members_region_idx" ON "cohort_members" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "regions_province_idx" ON "regions" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "regions_short_name_idx" ON "regions" USING btree (lower("short_name"));