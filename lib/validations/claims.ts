import { z } from "zod";
import { idInput } from "./common";

export const decideClaimInput = z.object({
  workspaceId: idInput,
  claimId: idInput,
  decision: z.enum(["confirm", "reject"]),
  // The version the person saw; a different current version means someone else decided.
  version: z.number().int().positive(),
});
