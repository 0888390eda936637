import { index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { regions } from "./regions";

/** A member's own set of regions to benchmark against ("kelompok sejawat"). */
export const peerGroups = pgTable(
  "peer_groups",
  {
    id: serial("id").primaryKey(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("peer_groups_owner_idx").on(table.ownerId)],
);

export const peerGroupMembers = pgTable(
  "peer_group_members",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => peerGroups.id, { onDelete: "cascade" }),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.regionCode] })],
);
