import type { Server } from "node:http";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { hashPassword } from "../../app/modules/auth/password.server";
import type { Role } from "../../app/modules/auth/roles";
import { createSession } from "../../app/modules/auth/sessions.server";
import { createUserWithoutPassword } from "../../app/modules/auth/users.server";
import { db } from "../../app/modules/db.server";
import { startHttpServer } from "../../scripts/lib/http-server";
import { findFreePort } from "../../scripts/lib/ports";

/** The production build served over real HTTP on a free port, against this worker's database. */
export async function startTestApp(): Promise<{ origin: string; close: () => Promise<void> }> {
  const port = await findFreePort();
  const server: Server = await startHttpServer({ port, host: "127.0.0.1" });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let sequence = 0;

/** A user with a password and a signed-in session; `cookie` is ready for a Cookie header. */
export async function createSignedInUser(role: Role, regionCode: string | null = null, password = "kata sandi yang panjang") {
  sequence += 1;
  const email = `${role}.${process.pid}.${sequence}@test.idsl`;
  const id = await createUserWithoutPassword({ email, name: `Test ${role} ${sequence}`, role, regionCode });
  await db().update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, id));
  const session = await createSession(id);
  return { id, email, password, sessionId: session.sessionId, cookie: session.cookie.split(";")[0]! };
}

/** Sends a request the way our own pages do (same-origin POSTs), without following redirects. */
export function request(
  origin: string,
  path: string,
  options: {
    method?: string;
    cookie?: string;
    /** A urlencoded form; pass URLSearchParams for repeated fields, FormData for files. */
    form?: Record<string, string> | URLSearchParams | FormData;
    headers?: Record<string, string>;
  } = {},
) {
  const method = options.method ?? (options.form ? "POST" : "GET");
  const body = options.form instanceof FormData || options.form instanceof URLSearchParams ? options.form : options.form ? new URLSearchParams(options.form) : undefined;
  return fetch(`${origin}${path}`, {
    method,
    redirect: "manual",
    headers: {
      ...(method === "GET" ? {} : { Origin: origin }),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...options.headers,
    },
    body,
  });
}
