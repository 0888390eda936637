CREATE TYPE "public"."contact_message_purpose" AS ENUM('replication', 'study_visit', 'other');--> statement-breakpoint
CREATE TABLE "practice_contact_consents" (
	"id" serial PRIMARY KEY NOT NULL,
	"practice_id" integer NOT NULL,
	"contact" text NOT NULL,
	"purpose_version" integer NOT NULL,
	"recorded_by_id" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_contact_consents_contact_key" UNIQUE("practice_id","contact")
);
--> statement-breakpoint
CREATE TABLE "practice_contact_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"practice_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"sender_name" text NOT NULL,
	"sender_email" text NOT NULL,
	"sender_user_id" integer,
	"purpose" "contact_message_purpose" NOT NULL,
	"body" text NOT NULL,
	"form_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "practice_contact_messages_form_token_key" UNIQUE("form_token"),
	CONSTRAINT "practice_contact_messages_no_line_breaks" CHECK ("practice_contact_messages"."sender_name" !~ '[\r\n]' and "practice_contact_messages"."sender_email" !~ '[\r\n]')
);
--> statement-breakpoint
ALTER TABLE "practice_contact_consents" ADD CONSTRAINT "practice_contact_consents_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_contact_consents" ADD CONSTRAINT "practice_contact_consents_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_contact_messages" ADD CONSTRAINT "practice_contact_messages_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_contact_messages" ADD CONSTRAINT "practice_contact_messages_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_contact_messages" ADD CONSTRAINT "practice_contact_messages_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_contact_messages_region_idx" ON "practice_contact_messages" USING btree ("region_code","created_at");