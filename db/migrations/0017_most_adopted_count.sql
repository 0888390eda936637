ALTER TABLE "practice_adoptions" ADD COLUMN "adopter_is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "public_adoption_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "practices_most_adopted_idx" ON "practices" USING btree ("public_adoption_count" DESC NULLS FIRST,"published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "practices"."published_revision_id" is not null;--> statement-breakpoint
-- Decision 0040: a practice's count of public adopters is kept here instead of counted per page.
-- An adoption row says whether its adopter is public; the source's count is the number of its
-- adoptions that say so, kept by adding or subtracting one (concurrent changes to one source
-- then serialize on its row and none is lost, where a recount would read an older snapshot).
UPDATE "practice_adoptions" AS adoption SET "adopter_is_public" = (adopter."published_revision_id" IS NOT NULL AND adopter."state" <> 'archived')
  FROM "practices" AS adopter WHERE adopter."id" = adoption."adopter_practice_id";--> statement-breakpoint
UPDATE "practices" AS source SET "public_adoption_count" = counted.adoptions
  FROM (SELECT "source_practice_id", count(*)::int AS adoptions FROM "practice_adoptions" WHERE "adopter_is_public" AND "source_practice_id" IS NOT NULL GROUP BY 1) AS counted
  WHERE counted."source_practice_id" = source."id";--> statement-breakpoint
-- A new adoption reads its adopter's visibility. FOR SHARE waits for a transaction changing that
-- practice and then reads what it committed; a change that comes later waits for this one and
-- then finds the adoption (practices_visibility_to_adoptions below).
CREATE FUNCTION "practice_adoption_read_adopter"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  adopter_public boolean;
BEGIN
  SELECT "published_revision_id" IS NOT NULL AND "state" <> 'archived' INTO adopter_public
    FROM "practices" WHERE "id" = NEW."adopter_practice_id" FOR SHARE;
  NEW."adopter_is_public" := coalesce(adopter_public, false);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "practice_adoptions_read_adopter" BEFORE INSERT ON "practice_adoptions"
  FOR EACH ROW EXECUTE FUNCTION "practice_adoption_read_adopter"();--> statement-breakpoint
-- An adoption counted for a source stops counting when it goes (or moves to another source, or
-- its source is deleted); one that counts adds one to its source.
CREATE FUNCTION "practice_adoption_count_for_source"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD."adopter_is_public" AND OLD."source_practice_id" IS NOT NULL THEN
      UPDATE "practices" SET "public_adoption_count" = "public_adoption_count" - 1 WHERE "id" = OLD."source_practice_id";
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW."adopter_is_public" AND NEW."source_practice_id" IS NOT NULL THEN
      UPDATE "practices" SET "public_adoption_count" = "public_adoption_count" + 1 WHERE "id" = NEW."source_practice_id";
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "practice_adoptions_count_added_or_removed" AFTER INSERT OR DELETE ON "practice_adoptions"
  FOR EACH ROW EXECUTE FUNCTION "practice_adoption_count_for_source"();--> statement-breakpoint
CREATE TRIGGER "practice_adoptions_count_changed" AFTER UPDATE OF "source_practice_id", "adopter_is_public" ON "practice_adoptions"
  FOR EACH ROW
  WHEN (OLD."source_practice_id" IS DISTINCT FROM NEW."source_practice_id" OR OLD."adopter_is_public" IS DISTINCT FROM NEW."adopter_is_public")
  EXECUTE FUNCTION "practice_adoption_count_for_source"();--> statement-breakpoint
-- A practice published, archived or withdrawn from publication: its adoptions say so, which
-- moves its sources' counts through the trigger above.
CREATE FUNCTION "practice_visibility_to_adoptions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "practice_adoptions" SET "adopter_is_public" = (NEW."published_revision_id" IS NOT NULL AND NEW."state" <> 'archived')
    WHERE "adopter_practice_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "practices_visibility_to_adoptions" AFTER UPDATE OF "published_revision_id", "state" ON "practices"
  FOR EACH ROW
  WHEN ((OLD."published_revision_id" IS NOT NULL AND OLD."state" <> 'archived') IS DISTINCT FROM (NEW."published_revision_id" IS NOT NULL AND NEW."state" <> 'archived'))
  EXECUTE FUNCTION "practice_visibility_to_adoptions"();
