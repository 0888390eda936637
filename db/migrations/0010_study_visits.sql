CREATE TYPE "public"."visit_event_kind" AS ENUM('requested', 'accepted', 'dates_proposed', 'dates_accepted', 'declined', 'withdrawn', 'completed');--> statement-breakpoint
CREATE TYPE "public"."visit_status" AS ENUM('requested', 'dates_proposed', 'accepted', 'declined', 'withdrawn', 'completed');--> statement-breakpoint
CREATE TABLE "visit_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"visit_id" integer NOT NULL,
	"kind" "visit_event_kind" NOT NULL,
	"actor_id" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_practices" (
	"visit_id" integer NOT NULL,
	"practice_id" integer NOT NULL,
	CONSTRAINT "visit_practices_visit_id_practice_id_pk" PRIMARY KEY("visit_id","practice_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"host_region_code" text NOT NULL,
	"visitor_region_code" text NOT NULL,
	"requested_by_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"participants" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" "visit_status" DEFAULT 'requested' NOT NULL,
	"contact" text NOT NULL,
	"contact_purpose_version" integer NOT NULL,
	"lessons" text,
	"adopter_practice_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_other_region" CHECK ("visits"."host_region_code" <> "visits"."visitor_region_code"),
	CONSTRAINT "visits_participants_positive" CHECK ("visits"."participants" > 0),
	CONSTRAINT "visits_dates_ordered" CHECK ("visits"."start_date" <= "visits"."end_date")
);
--> statement-breakpoint
ALTER TABLE "visit_events" ADD CONSTRAINT "visit_events_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_events" ADD CONSTRAINT "visit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_practices" ADD CONSTRAINT "visit_practices_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_practices" ADD CONSTRAINT "visit_practices_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_host_region_code_regions_code_fk" FOREIGN KEY ("host_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_visitor_region_code_regions_code_fk" FOREIGN KEY ("visitor_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_adopter_practice_id_practice_adoptions_adopter_practice_id_fk" FOREIGN KEY ("adopter_practice_id") REFERENCES "public"."practice_adoptions"("adopter_practice_id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_events_visit_idx" ON "visit_events" USING btree ("visit_id","id");--> statement-breakpoint
CREATE INDEX "visits_host_region_idx" ON "visits" USING btree ("host_region_code","start_date");--> statement-breakpoint
CREATE INDEX "visits_visitor_region_idx" ON "visits" USING btree ("visitor_region_code","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_open_request_key" ON "visits" USING btree ("visitor_region_code","host_region_code","start_date") WHERE "visits"."status" in ('requested', 'dates_proposed');