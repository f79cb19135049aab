import { z } from "zod";
import { idInput } from "./common";

export const resolveFactInput = z.object({
  workspaceId: idInput,
  factId: idInput,
  preferredClaimId: idInput,
  rationale: z.string().trim().min(10, "Write a rationale of at least a sentence.").max(5000),
  version: z.number().int().positive(),
});

export const explanationKinds = ["time", "definition", "rounding", "copied", "likely_error"] as const;
export const decideExplanationInput = z.object({
  workspaceId: idInput,
  factId: idInput,
  valueKey: z.string().min(1).max(500),
  kind: z.enum(explanationKinds, { message: "Choose why the values differ." }),
  note: z.string().trim().max(2000).optional().transform((v) => (v ? v : null)),
});
