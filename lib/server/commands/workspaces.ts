import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import { updateToleranceInput } from "@/lib/validations/workspaces";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
import { facts } from "@/lib/server/data/facts";

/** The tolerance within which values agree; every fact's state is recomputed under it. */
export async function updateTolerance(actor: Actor | null, raw: unknown): Promise<Result<{ slug: string; facts: number }>> {
  const input = updateToleranceInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "workspace.settings");
  if (!who.ok) return who;
  const tolerance = Math.round(input.data.tolerancePercent * 100) / 10_000;
  const ids = await db.$transaction(async (tx) => {
    const ws = await tx.workspace.findUniqueOrThrow({ where: { id: who.workspaceId }, select: { settings: true } });
    const previous = (ws.settings ?? {}) as Record<string, unknown>;
    await tx.workspace.update({ where: { id: who.workspaceId }, data: { settings: { ...previous, tolerance } as Prisma.InputJsonValue } });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "workspace.tolerance_changed", targetType: "workspace", targetId: who.workspaceId, data: { from: previous.tolerance ?? 0, to: tolerance } });
    return (await tx.fact.findMany({ where: { workspaceId: who.workspaceId }, select: { id: true } })).map((f) => f.id);
  });
  // Facts are recomputed one per transaction, so a large workspace never holds one long lock.
  for (const id of ids) await db.$transaction((tx) => facts.refreshState(tx, id));
  return ok({ slug: who.slug, facts: ids.length });
}
