import { z } from "zod";
import { idInput } from "./common";

export const resolveFactInput = z.object({
  workspaceId: idInput,
  factId: idInput,
  preferredClaimId: idInput,
  rationale: z.string().trim().min(10, "Write a rationale of at least a sentence.").max(5000),
  version: z.number().int().positive(),
});
