import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { regions } from "./regions";

/** What a region's own editors keep current about their region (one row per region). */
export const regionProfiles = pgTable("region_profiles", {
  regionCode: text("region_code")
    .primaryKey()
    .references(() => regions.code),
  descriptionId: text("description_id").notNull().default(""),
  descriptionEn: text("description_en").notNull().default(""),
  websiteUrl: text("website_url"),
  contactEmail: text("contact_email"),
  /** Optimistic locking: an edit based on an older version is refused. */
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedById: integer("updated_by_id").references(() => users.id),
});
