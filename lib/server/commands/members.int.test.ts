// Members and roles: an owner adds people who have accounts, never twice; a workspace keeps
// at least one owner; and a changed role applies to the very next command.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  addMemberRow, auditEventsFor, createUser, createWorkspace, plainText, uniq, unwrap, workspaceState, type TestWorkspace,
} from "@/lib/server/testing/fixtures";
import { importArticle } from "./articles";
import { addMember, changeRole } from "./members";

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createWorkspace("members");
});

const membershipOf = (userId: string) =>
  db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: ws.id, userId } }, select: { id: true, role: true } });

describe("addMember", () => {
  it("adds an existing user by email, however the email is typed, with the chosen role", async () => {
    const newcomer = await createUser();
    const result = await addMember(ws.actors.owner, { workspaceId: ws.id, email: `  ${newcomer.email.toUpperCase()} `, role: "researcher" });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(await membershipOf(newcomer.id)).toEqual({ id: result.data.membershipId, role: "researcher" });
    expect(await auditEventsFor("membership", result.data.membershipId)).toEqual([
      expect.objectContaining({ workspaceId: ws.id, actorId: ws.users.owner.id, action: "member.added", data: { userId: newcomer.id, role: "researcher" } }),
    ]);
  });

  it(`answers "not_found" for an email without an account, and adds no one`, async () => {
    const before = await workspaceState(ws.id);
    const result = await addMember(ws.actors.owner, { workspaceId: ws.id, email: `nobody-${uniq()}@int.corroborate.test`, role: "viewer" });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it(`answers "conflict" when the person is already a member, and keeps their role`, async () => {
    const member = await addMemberRow(ws.id, "editor");
    const before = await workspaceState(ws.id);
    const result = await addMember(ws.actors.owner, { workspaceId: ws.id, email: member.email, role: "viewer" });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(await workspaceState(ws.id)).toEqual(before);
    expect(await membershipOf(member.id)).toEqual({ id: member.membershipId, role: "editor" });
  });
});

describe("changeRole", () => {
  it(`refuses to demote the only owner with "invalid_state"`, async () => {
    const solo = await createWorkspace("members-solo");
    const before = await workspaceState(solo.id);
    const result = await changeRole(solo.actors.owner, { workspaceId: solo.id, membershipId: solo.memberships.owner, role: "editor" });
    expect(result).toMatchObject({ ok: false, code: "invalid_state" });
    expect(await workspaceState(solo.id)).toEqual(before);
  });

  it("lets an owner step down once there is another owner", async () => {
    const team = await createWorkspace("members-two");
    const second = await addMemberRow(team.id, "owner");
    const result = await changeRole(second.actor, { workspaceId: team.id, membershipId: team.memberships.owner, role: "editor" });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(await db.membership.findUniqueOrThrow({ where: { id: team.memberships.owner }, select: { role: true } })).toEqual({ role: "editor" });
    // The remaining owner is now the only one.
    const last = await changeRole(second.actor, { workspaceId: team.id, membershipId: second.membershipId, role: "editor" });
    expect(last).toMatchObject({ ok: false, code: "invalid_state" });
  });

  it("applies a demotion to the very next command", async () => {
    const researcher = await addMemberRow(ws.id, "researcher");
    const importAs = () => importArticle(researcher.actor, { workspaceId: ws.id, title: `Role test ${uniq()}`, text: plainText() });
    expect((await importAs()).ok).toBe(true);

    unwrap(await changeRole(ws.actors.owner, { workspaceId: ws.id, membershipId: researcher.membershipId, role: "viewer" }));
    const articles = await db.article.count({ where: { workspaceId: ws.id } });
    expect(await importAs()).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.article.count({ where: { workspaceId: ws.id } })).toBe(articles);

    // And a promotion back applies at once too.
    unwrap(await changeRole(ws.actors.owner, { workspaceId: ws.id, membershipId: researcher.membershipId, role: "researcher" }));
    expect((await importAs()).ok).toBe(true);
    const changes = (await auditEventsFor("membership", researcher.membershipId)).map((e) => e.data);
    expect(changes).toEqual([{ from: "researcher", to: "viewer" }, { from: "viewer", to: "researcher" }]);
  });

  it(`answers "not_found" for a membership of another workspace, and leaves it alone`, async () => {
    const other = await createWorkspace("members-other");
    const before = await workspaceState(other.id);
    const result = await changeRole(ws.actors.owner, { workspaceId: ws.id, membershipId: other.memberships.viewer, role: "owner" });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await workspaceState(other.id)).toEqual(before);
  });
});
