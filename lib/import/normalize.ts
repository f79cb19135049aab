import { createHash } from "node:crypto";

// The one normalization every import goes through. The stored text is its output, and every
// claim and citation offset refers to that stored text, so this must never change silently:
// a change here is a new revision of every article.
export function normalizeText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF]/g, "") // zero-width characters and BOM
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, "") // control characters (NUL from PDFs); Postgres refuses NUL
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g, " ") // odd spaces become plain spaces
    .replace(/[ ]+\n/g, "\n")
    .replace(/\n[ ]+/g, "\n")
    .replace(/[ ]{2,}/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Content hash used to detect the same article imported twice in a workspace. */
export function textHash(normalized: string): string {
  return createHash("sha256").update(normalized.toLowerCase().replace(/\s+/g, " ")).digest("hex");
}
