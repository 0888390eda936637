CREATE TABLE "search_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"transaction_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "search_outbox_pending_idx" ON "search_outbox" USING btree ("available_at") WHERE "search_outbox"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "search_outbox_processed_at_idx" ON "search_outbox" USING btree ("processed_at");--> statement-breakpoint
CREATE INDEX "practice_revisions_text_search_idx" ON "practice_revisions" USING gin (to_tsvector('simple', "title" || ' ' || "summary" || ' ' || "body"));