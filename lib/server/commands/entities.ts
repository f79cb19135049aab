import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { mergeEntitiesInput, undoMergeInput } from "@/lib/validations/entities";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { EntityConflictError, entities } from "@/lib/server/data/entities";

export type Merged = { slug: string; survivor: { key: string; name: string }; claims: number; facts: number; alreadyMerged: boolean; eventId: string | null };

/** Merges two or more entities into one: see entities.merge for what changes. */
export async function mergeEntities(actor: Actor | null, raw: unknown): Promise<Result<Merged>> {
  const input = mergeEntitiesInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "entities.manage");
  if (!who.ok) return who;
  try {
    const result = await entities.merge(who.workspaceId, input.data.survivorKey, input.data.entities, who.userId);
    return ok({ slug: who.slug, ...result });
  } catch (error) {
    if (error instanceof EntityConflictError) {
      return fail("conflict", "Someone changed these entities in the meantime (merged, renamed or no longer used). Reload the list and merge again; nothing was changed.", { key: error.message });
    }
    throw error;
  }
}

export type MergeUndone = { slug: string; name: string; claims: number; alreadyUndone: boolean };

/** Undoes a merge (see entities.undoMerge), named by its audit event. */
export async function undoEntityMerge(actor: Actor | null, raw: unknown): Promise<Result<MergeUndone>> {
  const input = undoMergeInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "entities.manage");
  if (!who.ok) return who;
  try {
    const result = await entities.undoMerge(who.workspaceId, input.data.eventId, who.userId);
    if (result.outcome === "not_found") return fail("not_found", "That merge is not in this workspace's history.");
    return ok({ slug: who.slug, name: result.name, claims: result.claims, alreadyUndone: result.outcome === "already" });
  } catch (error) {
    if (error instanceof EntityConflictError) {
      return fail("conflict", "The merged entity changed since (another merge or undo); this merge can no longer be undone automatically. Nothing was changed.");
    }
    throw error;
  }
}
