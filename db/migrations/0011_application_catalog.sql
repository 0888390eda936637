CREATE TYPE "public"."application_function" AS ENUM('administrasi_perkantoran', 'perencanaan_penganggaran', 'keuangan_aset', 'kepegawaian', 'akuntabilitas_kinerja', 'pelayanan_publik', 'pengaduan', 'data_informasi', 'kesehatan_sosial', 'lainnya');--> statement-breakpoint
CREATE TYPE "public"."application_request_status" AS ENUM('pending', 'approved', 'declined');--> statement-breakpoint
CREATE TYPE "public"."application_terms" AS ENUM('hibah', 'berbagi_pakai', 'sumber_terbuka');--> statement-breakpoint
CREATE TABLE "application_practices" (
	"application_id" integer NOT NULL,
	"practice_id" integer NOT NULL,
	CONSTRAINT "application_practices_application_id_practice_id_pk" PRIMARY KEY("application_id","practice_id")
);
--> statement-breakpoint
CREATE TABLE "application_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"requester_region_code" text NOT NULL,
	"requested_by_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"contact" text NOT NULL,
	"contact_purpose_version" integer NOT NULL,
	"source_practice_id" integer,
	"adopter_practice_id" integer,
	"status" "application_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by_id" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"function" "application_function" NOT NULL,
	"description" text NOT NULL,
	"indicator_ids" integer[] DEFAULT '{}' NOT NULL,
	"stack" text[] DEFAULT '{}' NOT NULL,
	"hosting" text DEFAULT '' NOT NULL,
	"terms" "application_terms" NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"terms_note" text DEFAULT '' NOT NULL,
	"documentation_url" text,
	"source_url" text,
	"compiled_from_public_sources" boolean DEFAULT false NOT NULL,
	"seed_key" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_seed_key_unique" UNIQUE("seed_key")
);
--> statement-breakpoint
ALTER TABLE "application_practices" ADD CONSTRAINT "application_practices_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_practices" ADD CONSTRAINT "application_practices_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requests" ADD CONSTRAINT "application_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requests" ADD CONSTRAINT "application_requests_requester_region_code_regions_code_fk" FOREIGN KEY ("requester_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requests" ADD CONSTRAINT "application_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requests" ADD CONSTRAINT "application_requests_source_practice_id_practices_id_fk" FOREIGN KEY ("source_practice_id") REFERENCES "public"."practices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requests" ADD CONSTRAINT "application_requests_adopter_practice_id_practices_id_fk" FOREIGN KEY ("adopter_practice_id") REFERENCES "public"."practices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requests" ADD CONSTRAINT "application_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_requests_application_idx" ON "application_requests" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "application_requests_requester_idx" ON "application_requests" USING btree ("requester_region_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "application_requests_one_pending" ON "application_requests" USING btree ("application_id","requester_region_code") WHERE "application_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "applications_region_idx" ON "applications" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "applications_indicators_idx" ON "applications" USING gin ("indicator_ids");--> statement-breakpoint
CREATE INDEX "applications_stack_idx" ON "applications" USING gin ("stack");--> statement-breakpoint
CREATE INDEX "applications_text_search_idx" ON "applications" USING gin (to_tsvector('simple', "name" || ' ' || "description"));