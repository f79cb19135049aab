import { z } from "zod";
import { idInput } from "./common";

export const briefStatementInput = z.object({
  id: z.string().min(1).max(40),
  text: z.string().trim().min(1, "A statement cannot be empty.").max(5000),
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
export const publishBriefInput = z.object({ workspaceId: idInput, briefId: idInput, version: z.number().int().positive() });
export const createShareLinkInput = z.object({
  workspaceId: idInput,
  briefId: idInput,
  expiresAt: z
    .string()
    .optional()
    .transform((v) => (v ? new Date(v) : null))
    .refine((d) => d == null || (!Number.isNaN(d.getTime()) && d.getTime() > Date.now()), "The expiry must be a date in the future."),
});
export const revokeShareLinkInput = z.object({ workspaceId: idInput, shareLinkId: idInput });
// Share tokens are 32 bytes of base64url; anything else is refused before touching the database.
export const shareTokenInput = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
