import { z } from "zod";
import { idInput } from "./common";

export const updateToleranceInput = z.object({
  workspaceId: idInput,
  // Entered as a percentage on the form; stored as a fraction.
  tolerancePercent: z.coerce.number({ message: "Enter a percentage such as 2." }).min(0, "The tolerance cannot be negative.").max(50, "Use at most 50%."),
});
