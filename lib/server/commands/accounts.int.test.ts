// Signing up: one account per email, a workspace of one's own, owned, and a password that
// works for signing in afterwards.
import { describe, expect, it } from "vitest";
import { checkSignIn } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";
import { auditEventsFor, randomIp, uniq } from "@/lib/server/testing/fixtures";
import { signUp } from "./accounts";

const PASSWORD = "a long enough password";

describe("signUp", () => {
  it("creates the user, a workspace and an owner membership, and the password signs in", async () => {
    const email = `new-${uniq()}@int.corroborate.test`;
    const result = await signUp({ name: "Grace Hopper", email, password: PASSWORD });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;

    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, passwordHash: true } });
    expect(user).toMatchObject({ id: result.data.userId, name: "Grace Hopper" });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);

    const memberships = await db.membership.findMany({ where: { userId: user.id }, select: { role: true, workspace: { select: { id: true, slug: true } } } });
    expect(memberships).toEqual([{ role: "owner", workspace: { id: expect.any(String), slug: result.data.slug } }]);
    const workspaceId = memberships[0]!.workspace.id;
    expect(await auditEventsFor("workspace", workspaceId)).toEqual([
      expect.objectContaining({ workspaceId, actorId: user.id, action: "workspace.created" }),
    ]);

    expect(await checkSignIn({ email, password: PASSWORD }, randomIp())).toEqual({ ok: true, user: { id: user.id, email, name: "Grace Hopper" } });
  });

  it(`refuses an email that already has an account, in any letter case, with "conflict"`, async () => {
    const email = `taken-${uniq()}@int.corroborate.test`;
    expect((await signUp({ name: "First", email, password: PASSWORD })).ok).toBe(true);
    const counts = async () => [await db.user.count(), await db.workspace.count(), await db.membership.count()];
    const before = await counts();
    for (const again of [email, email.toUpperCase(), `  ${email} `]) {
      expect(await signUp({ name: "Second", email: again, password: "another long password" })).toMatchObject({ ok: false, code: "conflict" });
    }
    expect(await counts()).toEqual(before);
    expect(await db.user.findUniqueOrThrow({ where: { email }, select: { name: true } })).toEqual({ name: "First" });
  });

  it(`refuses a short password or a bad email with "invalid_input" and creates nothing`, async () => {
    const email = `weak-${uniq()}@int.corroborate.test`;
    expect(await signUp({ name: "Weak", email, password: "short" })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await signUp({ name: "Weak", email: "not-an-email", password: PASSWORD })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
