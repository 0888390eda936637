import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { db } from "../db.server";
import { createOneTimeLink } from "./one-time-links.server";
import type { Role } from "./roles";
import { createUserWithoutPassword } from "./users.server";

/** One account per role for trying the site locally; never created in production. */
const demoAccounts: { email: string; name: string; role: Role; regionCode: string | null }[] = [
  { email: "admin@demo.idsl.test", name: "Demo Admin", role: "admin", regionCode: null },
  { email: "kurator@demo.idsl.test", name: "Demo Kurator Kemendagri", role: "curator", regionCode: null },
  { email: "editor.sumedang@demo.idsl.test", name: "Demo Editor Sumedang", role: "editor", regionCode: "32.11" },
  { email: "anggota.blora@demo.idsl.test", name: "Demo Anggota Blora", role: "member", regionCode: "33.16" },
];

/** Makes sure the demo accounts exist and returns a fresh one-time sign-in link path for each. */
export async function prepareDemoAccounts(): Promise<{ role: Role; email: string; path: string }[]> {
  const links = [];
  for (const account of demoAccounts) {
    const existing = await db().query.users.findFirst({ where: eq(users.email, account.email), columns: { id: true } });
    const userId = existing?.id ?? (await createUserWithoutPassword(account));
    const path = await createOneTimeLink({ userId, purpose: "sign_in", createdById: null });
    links.push({ role: account.role, email: account.email, path });
  }
  return links;
}
