import { z } from "zod";
import { idInput } from "./common";

export const updateToleranceInput = z.object({
  workspaceId: idInput,
  // Entered as a percentage on the form; stored as a fraction.
  tolerancePercent: z.coerce.number({ message: "Enter a percentage such as 2." }).min(0, "The tolerance cannot be negative.").max(50, "Use at most 50%."),
});

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
export const MAX_WORKSPACE_ATTRIBUTES = 200;

/** "Gross merchandise value" and "gross-merchandise_value" both become gross_merchandise_value. */
export const attributeName = z
  .string()
  .transform((s) => s.trim().toLowerCase().replace(/[\s-]+/g, "_"))
  .pipe(
    z.string()
      .min(1, "Enter the attribute's name, such as gross_merchandise_value.")
      .max(64, "Keep the attribute under 64 characters.")
      .regex(SNAKE, "Use lowercase words joined by underscores (or spaces), like gross_merchandise_value."),
  );

export const vocabularyAttributeInput = z.object({ workspaceId: idInput, attribute: attributeName });
