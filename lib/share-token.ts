import { createHash, randomBytes } from "node:crypto";

// 256 random bits, base64url (43 characters). Only the sha256 is stored, so a leaked
// database does not leak working links.
export function newShareToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashShareToken(token) };
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
