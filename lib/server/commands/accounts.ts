import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { workspaceSlug } from "@/lib/slug";
import { signUpInput } from "@/lib/validations/auth";
import { hashPassword } from "@/lib/server/auth/passwords";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
import { isUniqueViolation } from "@/lib/server/data/errors";

const taken = () => fail("conflict", "An account with this email already exists. Sign in instead.");

/** A new account gets a personal workspace it owns. */
export async function signUp(raw: unknown): Promise<Result<{ userId: string; slug: string }>> {
  const input = signUpInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message, { field: input.error.issues[0]?.path.join(".") });
  const { name, email, password } = input.data;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return taken();

  const passwordHash = await hashPassword(password);
  try {
    const created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name, email, passwordHash }, select: { id: true } });
      const workspace = await tx.workspace.create({ data: { name: `${name}’s workspace`, slug: workspaceSlug(name) }, select: { id: true, slug: true } });
      await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "owner" } });
      await audit.record(tx, { workspaceId: workspace.id, actorId: user.id, action: "workspace.created", targetType: "workspace", targetId: workspace.id });
      return { userId: user.id, slug: workspace.slug };
    });
    return ok(created);
  } catch (error) {
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
}
