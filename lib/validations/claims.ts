import { z } from "zod";
import { idInput } from "./common";

export const decideClaimInput = z.object({
  workspaceId: idInput,
  claimId: idInput,
  // "reset" undoes a decision: the claim is a suggestion again.
  decision: z.enum(["confirm", "reject", "reset"]),
  // The version the person saw; a different current version means someone else decided.
  version: z.number().int().positive(),
});

export const reviewQueueFilters = z.object({
  status: z.enum(["suggested", "confirmed", "rejected", "all"]).catch("suggested"),
  article: z.string().max(64).optional().catch(undefined),
  subject: z.string().max(200).optional().catch(undefined),
  attribute: z.string().max(100).optional().catch(undefined),
  minConfidence: z.coerce.number().min(0).max(1).optional().catch(undefined),
  sort: z.enum(["confidence", "position"]).catch("confidence"),
  after: z.string().max(64).optional().catch(undefined),
});
export type ReviewQueueFilters = z.infer<typeof reviewQueueFilters>;
