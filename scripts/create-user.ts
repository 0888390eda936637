/**
 * `npm run user:create -- --email admin@kemendagri.go.id --role admin [--name "…"] [--region 32.11]`
 * Creates an account without a password and prints a one-time link to set it (valid 3 days).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { readSettings } from "../app/modules/env.server";
import { runWithAppDatabase } from "./lib/database-for-script";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    region: { type: "string" },
  },
});

const input = z
  .object({
    email: z.email().transform((email) => email.toLowerCase()),
    role: z.enum(["admin", "curator", "editor", "member"]),
    name: z.string().min(1).max(120).optional(),
    region: z.string().regex(/^\d{2}\.\d{2}$/).optional(),
  })
  .refine((value) => (value.role === "editor" || value.role === "member") === Boolean(value.region), {
    message: "--region is required for editors and members, and only for them",
  })
  .safeParse(values);

if (!input.success) {
  console.error(`[idsl] ${z.prettifyError(input.error).replace(/\n/g, " ")}`);
  process.exit(1);
}

await runWithAppDatabase(async () => {
  const { createUserWithoutPassword } = await import("../app/modules/auth/users.server");
  const { createOneTimeLink } = await import("../app/modules/auth/one-time-links.server");
  const userId = await createUserWithoutPassword({
    email: input.data.email,
    name: input.data.name ?? input.data.email,
    role: input.data.role,
    regionCode: input.data.region ?? null,
  }).catch((error: { code?: string; cause?: { code?: string } }) => {
    // drizzle wraps the driver's error; 23505 is PostgreSQL's unique violation.
    if ((error.cause?.code ?? error.code) === "23505") throw new Error(`an account for ${input.data.email} already exists`);
    throw error;
  });
  const path = await createOneTimeLink({ userId, purpose: "set_password", createdById: null });
  const { APP_ORIGIN, PORT } = readSettings();
  const origin = APP_ORIGIN ?? `http://localhost:${PORT}`;
  console.log(`[idsl] created ${input.data.role} ${input.data.email}; set the password within 3 days at:`);
  console.log(new URL(path, origin).toString());
});
