import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** 160 random bits, base32: for session ids, session secrets and one-time link tokens. */
export function generateRandomToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): Uint8Array {
  return sha256(new TextEncoder().encode(token));
}

export function tokenMatchesHash(token: string, hash: Uint8Array): boolean {
  return constantTimeEqual(hashToken(token), hash);
}
