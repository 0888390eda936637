CREATE TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sign_in_throttle" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "sign_in_throttle" CASCADE;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "published_by_id" integer;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_posts_question_idx" ON "practice_posts" USING btree ("question_id","id");--> statement-breakpoint
-- Stored file names lose the control, bidirectional and invisible characters that new uploads
-- no longer keep (cleanFileName): "laporan<RLO>gnp.exe" must not show as "laporanexe.png".
UPDATE "practice_attachments" SET "file_name" = coalesce(nullif(regexp_replace("file_name", '[\x01-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u061c\ufeff"]', '', 'g'), ''), 'lampiran') WHERE "file_name" ~ '[\x01-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u061c\ufeff"]';--> statement-breakpoint
UPDATE "level_submissions" SET "report_file_name" = coalesce(nullif(regexp_replace("report_file_name", '[\x01-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u061c\ufeff"]', '', 'g'), ''), 'laporan.pdf') WHERE "report_file_name" ~ '[\x01-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u061c\ufeff"]';
