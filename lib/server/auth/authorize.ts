import "server-only";
import { can, isRole, type Permission, type Role } from "@/lib/permissions";
import { fail, type Failure } from "@/lib/result";
import { db } from "@/lib/server/db";
import type { Actor } from "./current-user";

export type Authorized = { ok: true; userId: string; workspaceId: string; slug: string; role: Role };

/**
 * The one server-side role check. The membership is read on every call, so a changed role
 * applies at once; "not a member" and "no such workspace" look the same from outside.
 */
export async function authorize(actor: Actor | null, workspaceId: string, permission: Permission): Promise<Authorized | Failure> {
  if (!actor) return fail("unauthenticated");
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: actor.userId } },
    select: { role: true, workspace: { select: { slug: true } } },
  });
  if (!membership || !isRole(membership.role)) return fail("not_found", "That workspace does not exist or you are not a member.");
  if (!can(membership.role, permission)) return fail("forbidden");
  return { ok: true, userId: actor.userId, workspaceId, slug: membership.workspace.slug, role: membership.role };
}
