-- The search fallback used when Meilisearch cannot answer (decision 0036): trigram similarity
-- for typos and accent-free matching on a practice revision's short texts. Both extensions ship
-- with PostgreSQL's contrib and are trusted (the database owner may create them).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index
-- expression; this wrapper names the dictionary and schema explicitly, which makes it safe to
-- declare IMMUTABLE. Being IMMUTABLE over a STABLE body, PostgreSQL never inlines it, so the
-- queries' calls match the index expression below.
CREATE FUNCTION public.search_normalize(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;--> statement-breakpoint
-- What the fallback matches words against (besides the full-text index on title, summary and
-- body): titles, summaries, lead agency and tags, in both languages, lower case, without accents.
-- The body stays out: trigrams of 20,000-character texts would make a huge index.
CREATE FUNCTION public.practice_search_text(title text, title_en text, summary text, summary_en text, lead_opd text, tags text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT public.search_normalize(concat_ws(' ', title, title_en, summary, summary_en, lead_opd, array_to_string(tags, ' '))) $$;--> statement-breakpoint
-- Whole words and prefixes: a full-text index answers without reading the texts again, however
-- many practices contain the word.
CREATE INDEX "practice_revisions_search_text_idx" ON "practice_revisions" USING gin (to_tsvector('simple', practice_search_text("title", "title_en", "summary", "summary_en", "lead_opd", "tags")));--> statement-breakpoint
-- Misspelt words: trigram word similarity.
CREATE INDEX "practice_revisions_search_text_trgm_idx" ON "practice_revisions" USING gin (practice_search_text("title", "title_en", "summary", "summary_en", "lead_opd", "tags") gin_trgm_ops);
