import "server-only";
import { fail, ok, type Failure, type Result } from "@/lib/result";
import { MAX_WORKSPACE_ATTRIBUTES, updateToleranceInput, vocabularyAttributeInput } from "@/lib/validations/workspaces";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
import { facts } from "@/lib/server/data/facts";
import { addedAttributes, BUILT_IN_ATTRIBUTES, VOCABULARY_KEY } from "@/lib/server/data/workspaces";

// Every settings change writes only its own key with jsonb_set under a row lock, so two
// settings changed at once (the tolerance and the vocabulary) never overwrite each other.

/** Locks the workspace row for the rest of the transaction and returns its settings as they are now. */
async function lockSettings(tx: Tx, workspaceId: string): Promise<Record<string, unknown>> {
  const [row] = await tx.$queryRaw<{ settings: unknown }[]>`SELECT settings FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
  const settings = row?.settings;
  return settings && typeof settings === "object" && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {};
}

async function setSetting(tx: Tx, workspaceId: string, key: string, value: unknown) {
  await tx.$executeRaw`
    UPDATE "Workspace" SET settings = jsonb_set(CASE WHEN jsonb_typeof(settings) = 'object' THEN settings ELSE '{}'::jsonb END, ARRAY[${key}]::text[], ${JSON.stringify(value)}::jsonb)
    WHERE id = ${workspaceId}`;
}

/** The tolerance within which values agree; every fact's state is recomputed under it. */
export async function updateTolerance(actor: Actor | null, raw: unknown): Promise<Result<{ slug: string; facts: number }>> {
  const input = updateToleranceInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "workspace.settings");
  if (!who.ok) return who;
  const tolerance = Math.round(input.data.tolerancePercent * 100) / 10_000;
  const ids = await db.$transaction(async (tx) => {
    const previous = await lockSettings(tx, who.workspaceId);
    await setSetting(tx, who.workspaceId, "tolerance", tolerance);
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "workspace.tolerance_changed", targetType: "workspace", targetId: who.workspaceId, data: { from: (previous.tolerance as number | undefined) ?? 0, to: tolerance } });
    return (await tx.fact.findMany({ where: { workspaceId: who.workspaceId }, select: { id: true } })).map((f) => f.id);
  });
  // Facts are recomputed one per transaction, so a large workspace never holds one long lock.
  for (const id of ids) await db.$transaction((tx) => facts.refreshState(tx, id));
  return ok({ slug: who.slug, facts: ids.length });
}

export type VocabularyChange = { slug: string; attribute: string; added: string[] };

/**
 * One change to the workspace-added attributes: `change` gets the list as it is under the
 * row lock and returns the new list, or a failure that leaves it as it was.
 */
async function changeVocabulary(
  actor: Actor | null, raw: unknown, permission: "vocabulary.extend" | "workspace.settings", action: string,
  change: (current: string[], attribute: string) => string[] | Failure,
): Promise<Result<VocabularyChange>> {
  const input = vocabularyAttributeInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, permission);
  if (!who.ok) return who;
  const { attribute } = input.data;
  return db.$transaction(async (tx) => {
    const added = change(addedAttributes(await lockSettings(tx, who.workspaceId)), attribute);
    if (!Array.isArray(added)) return added;
    await setSetting(tx, who.workspaceId, VOCABULARY_KEY, added);
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action, targetType: "workspace", targetId: who.workspaceId, data: { attribute } });
    return ok({ slug: who.slug, attribute, added });
  });
}

/** Adds an attribute to the workspace's vocabulary, so the claim forms offer it. */
export const addVocabularyAttribute = (actor: Actor | null, raw: unknown) =>
  changeVocabulary(actor, raw, "vocabulary.extend", "vocabulary.attribute_added", (current, attribute) => {
    if (BUILT_IN_ATTRIBUTES.includes(attribute)) return fail("invalid_input", `“${attribute}” is already a built-in attribute.`);
    if (current.includes(attribute)) return fail("invalid_input", `“${attribute}” is already in the vocabulary.`);
    if (current.length >= MAX_WORKSPACE_ATTRIBUTES) return fail("invalid_input", `A workspace can add at most ${MAX_WORKSPACE_ATTRIBUTES} attributes; remove one in Settings first.`);
    return [...current, attribute].sort();
  });

/** Removes a workspace-added attribute; claims that use it keep it, the forms stop offering it. */
export const removeVocabularyAttribute = (actor: Actor | null, raw: unknown) =>
  changeVocabulary(actor, raw, "workspace.settings", "vocabulary.attribute_removed", (current, attribute) => {
    if (BUILT_IN_ATTRIBUTES.includes(attribute)) return fail("invalid_input", "Built-in attributes cannot be removed.");
    if (!current.includes(attribute)) return fail("not_found", `“${attribute}” is not in the vocabulary (anymore).`);
    return current.filter((a) => a !== attribute);
  });
