import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Form submissions that created something, by the one-time token their form carried (see
 * app/modules/forms/submission-once.server.ts): a replay of the same POST (a double click, a
 * browser resending) finds its row and answers with the stored result instead of creating the
 * thing twice. The key is a hash of user, what was created where, the token and what was sent.
 */
export const formSubmissions = pgTable(
  "form_submissions",
  {
    key: text("key").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What the first submission answered, returned again to a replay (null only inside the claiming transaction). */
    result: jsonb("result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The daily clean-up deletes about a 31st of the rows by age: without it, it reads them all.
  (table) => [index("form_submissions_created_at_idx").on(table.createdAt)],
);
