import { z } from "zod";
import { idInput } from "./common";

/** An entity as the person saw it when they chose to merge: a changed one is refused, never guessed at. */
const seenEntity = z.object({
  key: z.string().min(1).max(200),
  aliases: z.array(z.string().max(200)).max(500),
});

export const mergeEntitiesInput = z
  .object({
    workspaceId: idInput,
    // The key of the entity whose name stays; the others' names become its aliases.
    survivorKey: z.string().min(1).max(200),
    entities: z.array(seenEntity).min(2, "Select two or more entities to merge.").max(50, "Merge at most 50 entities at once."),
  })
  .refine((m) => new Set(m.entities.map((e) => e.key)).size === m.entities.length, { message: "An entity is selected twice.", path: ["entities"] })
  .refine((m) => m.entities.some((e) => e.key === m.survivorKey), { message: "Choose the name to keep among the selected entities.", path: ["survivorKey"] });
export type MergeEntitiesInput = z.infer<typeof mergeEntitiesInput>;

export const entityListFilters = z.object({
  q: z.string().max(100).optional().catch(undefined).transform((q) => q?.trim() ?? ""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const undoMergeInput = z.object({ workspaceId: idInput, eventId: idInput });
