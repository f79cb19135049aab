import { z } from "zod";
import { idInput } from "./common";

export const briefStatementInput = z.object({
  id: z.string().min(1).max(40),
  // Empty while being written (drafts autosave); publishing refuses an empty statement.
  text: z.string().trim().max(5000, "Keep a statement under 5,000 characters."),
  factIds: z.array(idInput).max(20),
});
export const briefSectionInput = z.object({
  id: z.string().min(1).max(40),
  heading: z.string().trim().max(200),
  statements: z.array(briefStatementInput).max(200),
});
export const briefContentInput = z.object({ sections: z.array(briefSectionInput).max(50) });
export type BriefContent = z.infer<typeof briefContentInput>;

export const createBriefInput = z.object({ workspaceId: idInput, title: z.string().trim().min(1, "Give the brief a title.").max(300) });
export const saveBriefInput = z.object({
  workspaceId: idInput,
  briefId: idInput,
  title: z.string().trim().min(1, "Give the brief a title.").max(300),
  content: briefContentInput,
  version: z.number().int().positive(),
});
const optionalNote = z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional().transform((v) => v || null);
export const publishBriefInput = z.object({
  workspaceId: idInput,
  briefId: idInput,
  version: z.number().int().positive(),
  /** Shown to readers when publishing over a conflicting or stale fact. */
  overrideNote: optionalNote,
  /** What changed since the previous version, for the corrections log. */
  changeNote: optionalNote,
  /** The editor confirmed publishing while review comments are still open. */
  confirmOpenComments: z.boolean().optional().default(false),
});
/** Send for review, or take back to draft: a status change made on the version read. */
export const briefTransitionInput = z.object({ workspaceId: idInput, briefId: idInput, version: z.number().int().positive() });
export const addBriefCommentInput = z.object({
  workspaceId: idInput,
  briefId: idInput,
  statementId: z.string().min(1).max(40),
  body: z.string().trim().min(1, "Write a comment first.").max(4000, "Keep a comment under 4,000 characters."),
});
export const resolveBriefCommentInput = z.object({ workspaceId: idInput, commentId: idInput });
export const searchBriefFactsInput = z.object({
  workspaceId: idInput,
  query: z.string().max(200).transform((q) => q.trim()),
});
export const setBriefIndexingInput = z.object({ workspaceId: idInput, briefId: idInput, allowIndexing: z.boolean() });
export const exportFormatInput = z.enum(["markdown", "json", "ris", "csl"]);
export const exportBriefInput = z.object({
  workspaceId: idInput,
  briefId: idInput,
  version: z.coerce.number().int().positive(),
  format: exportFormatInput,
});
export const createShareLinkInput = z.object({
  workspaceId: idInput,
  briefId: idInput,
  expiresAt: z
    .string()
    .optional()
    .transform((v) => (v ? new Date(v) : null))
    .refine((d) => d == null || (!Number.isNaN(d.getTime()) && d.getTime() > Date.now()), "The expiry must be a date in the future."),
  /** Pin the link to this published version; without it the link follows the latest one. */
  pinnedVersion: z.number().int().positive().optional(),
});
export const revokeShareLinkInput = z.object({ workspaceId: idInput, shareLinkId: idInput });
// Share tokens are 32 bytes of base64url; anything else is refused before touching the database.
export const shareTokenInput = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const draftBriefInput = z.object({
  workspaceId: idInput,
  briefId: idInput,
  version: z.number().int().positive(),
  factIds: z.array(idInput).min(1, "Choose at least one fact.").max(50),
});
