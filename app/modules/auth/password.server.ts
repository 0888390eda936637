import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";
import type { ValidationCode } from "../forms/form-data";

/** OWASP Password Storage Cheat Sheet, argon2id: 19 MiB memory, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let commonPasswords: Set<string> | undefined;

function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

export type PasswordProblem = "tooShort" | "tooLong" | "common";

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "tooLong";
  if (isCommonPassword(password)) return "common";
  return null;
}

const problemCodes: Record<PasswordProblem, ValidationCode> = {
  tooShort: "passwordTooShort",
  tooLong: "passwordTooLong",
  common: "passwordCommon",
};

/** Form fields for choosing a password: the password and its confirmation. */
export const newPasswordFields = {
  newPassword: z.string().superRefine((password, context) => {
    const problem = passwordProblem(password);
    if (problem) context.addIssue({ code: "custom", message: problemCodes[problem] });
  }),
  confirmPassword: z.string(),
};

/** Adds the "both passwords match" rule to a schema built with newPasswordFields. */
export function withMatchingPasswords<T extends z.ZodObject<typeof newPasswordFields>>(schema: T) {
  return schema.refine((value) => value.newPassword === value.confirmPassword, {
    message: "passwordMismatch",
    path: ["confirmPassword"],
  });
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  return verify(passwordHash, password).catch(() => false);
}

/** Verifying against this keeps a sign-in for an unknown email as slow as for a known one. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-just-for-timing");
  return dummyHash;
}
