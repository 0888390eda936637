CREATE TABLE "assessment_levels" (
	"assessment_id" integer NOT NULL,
	"node_id" integer NOT NULL,
	"level" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_url" text,
	CONSTRAINT "assessment_levels_assessment_id_node_id_pk" PRIMARY KEY("assessment_id","node_id"),
	CONSTRAINT "assessment_levels_level_range" CHECK ("assessment_levels"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "peer_group_members" (
	"group_id" integer NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "peer_group_members_group_id_region_code_pk" PRIMARY KEY("group_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "peer_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "computed_index" numeric(6, 4);--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "sub_indices" jsonb;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "updated_by_id" integer;--> statement-breakpoint
ALTER TABLE "assessment_levels" ADD CONSTRAINT "assessment_levels_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_levels" ADD CONSTRAINT "assessment_levels_node_id_framework_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."framework_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_group_id_peer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."peer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD CONSTRAINT "peer_groups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_levels_node_idx" ON "assessment_levels" USING btree ("node_id","level");--> statement-breakpoint
CREATE INDEX "peer_groups_owner_idx" ON "peer_groups" USING btree ("owner_id");--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_framework_year_idx" ON "assessments" USING btree ("framework_id","year","kind");