ALTER TABLE "practices" ADD COLUMN "published_indicator_ids" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- A practice's published indicators, copied from its published revision (revisions never change
-- once written, so a copy made when the published revision is chosen stays true).
UPDATE "practices" AS practice SET "published_indicator_ids" = revision."indicator_ids"
  FROM "practice_revisions" AS revision WHERE revision."id" = practice."published_revision_id";--> statement-breakpoint
CREATE INDEX "practices_published_indicators_idx" ON "practices" USING gin ("published_indicator_ids") WHERE "practices"."published_revision_id" is not null;--> statement-breakpoint
CREATE FUNCTION "practice_copy_published_indicators"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."published_indicator_ids" := coalesce((SELECT "indicator_ids" FROM "practice_revisions" WHERE "id" = NEW."published_revision_id"), '{}');
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "practices_copy_published_indicators" BEFORE INSERT OR UPDATE OF "published_revision_id" ON "practices"
  FOR EACH ROW EXECUTE FUNCTION "practice_copy_published_indicators"();
