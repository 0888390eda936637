ALTER TYPE "public"."visit_event_kind" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TYPE "public"."visit_status" ADD VALUE 'cancelled';