import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { addMemberInput, changeRoleInput } from "@/lib/validations/members";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
import { isUniqueViolation } from "@/lib/server/data/errors";

export async function addMember(actor: Actor | null, raw: unknown): Promise<Result<{ membershipId: string; slug: string }>> {
  const input = addMemberInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "members.manage");
  if (!who.ok) return who;

  const user = await db.user.findUnique({ where: { email: input.data.email }, select: { id: true } });
  if (!user) return fail("not_found", `No account uses ${input.data.email}. Ask them to sign up first, then add them.`);
  try {
    const membership = await db.$transaction(async (tx) => {
      const created = await tx.membership.create({ data: { workspaceId: who.workspaceId, userId: user.id, role: input.data.role }, select: { id: true } });
      await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "member.added", targetType: "membership", targetId: created.id, data: { userId: user.id, role: input.data.role } });
      return created;
    });
    return ok({ membershipId: membership.id, slug: who.slug });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("conflict", `${input.data.email} is already a member of this workspace.`);
    throw error;
  }
}

export async function changeRole(actor: Actor | null, raw: unknown): Promise<Result<{ slug: string }>> {
  const input = changeRoleInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "members.manage");
  if (!who.ok) return who;

  const membership = await db.membership.findFirst({ where: { id: input.data.membershipId, workspaceId: who.workspaceId }, select: { id: true, role: true } });
  if (!membership) return fail("not_found", "This member is no longer in the workspace.");
  if (membership.role === input.data.role) return ok({ slug: who.slug });

  const changed = await db.$transaction(async (tx) => {
    if (membership.role === "owner") {
      // Serialize owner demotions so two owners cannot demote each other at once.
      await tx.$queryRaw`SELECT id FROM "Membership" WHERE "workspaceId" = ${who.workspaceId} AND role = 'owner' FOR UPDATE`;
      const owners = await tx.membership.count({ where: { workspaceId: who.workspaceId, role: "owner" } });
      if (owners <= 1) return false;
    }
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.data.role } });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "member.role_changed", targetType: "membership", targetId: membership.id, data: { from: membership.role, to: input.data.role } });
    return true;
  });
  if (!changed) return fail("invalid_state", "A workspace needs at least one owner. Make someone else owner first.");
  return ok({ slug: who.slug });
}
