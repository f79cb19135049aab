// Every command checks the caller's role on the server. For each one: every role below the
// one DESIGN.md names is refused with "forbidden", a signed-out caller is "unauthenticated",
// a user from another workspace gets "not_found" — and none of them writes anything. Then the
// lowest allowed role runs the very same input, which shows the input was valid all along,
// and leaves an audit event naming who did what to which record.
import { beforeAll, describe, expect, it } from "vitest";
import { roles, type Role } from "@/lib/permissions";
import type { Result } from "@/lib/result";
import type { Actor } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import {
  addMemberRow, auditCountBy, auditEventsFor, briefContent, confirmedClaim, createUser, createWorkspace, insertArticle, insertClaim,
  plainText, uniq, unwrap, workspaceState, type TestWorkspace,
} from "@/lib/server/testing/fixtures";
import { importArticle } from "./articles";
import { createBrief, createShareLink, publishBrief, revokeShareLink, saveBrief } from "./briefs";
import { decideClaim } from "./claims";
import { resolveFact } from "./facts";
import { addMember, changeRole } from "./members";

type Prepared = { input: Record<string, unknown>; target: (data: Record<string, unknown>) => string };
type Case = {
  command: string;
  run: (actor: Actor | null, raw: unknown) => Promise<Result<unknown>>;
  /** The lowest role allowed, from the roles table in DESIGN.md (not from lib/permissions). */
  minimum: Role;
  action: string;
  targetType: string;
  prepare: (ws: TestWorkspace) => Promise<Prepared>;
};

/** A brief with one statement, saved by the owner: version 2, ready to publish. */
async function savedBrief(ws: TestWorkspace) {
  const owner = ws.actors.owner;
  const { briefId } = unwrap(await createBrief(owner, { workspaceId: ws.id, title: `Brief ${uniq()}` }), "createBrief");
  const content = briefContent([{ text: "The round was large.", factIds: [] }]);
  const { version } = unwrap(await saveBrief(owner, { workspaceId: ws.id, briefId, title: "Round size", content, version: 1 }), "saveBrief");
  return { briefId, version };
}

async function publishedBrief(ws: TestWorkspace) {
  const { briefId, version } = await savedBrief(ws);
  unwrap(await publishBrief(ws.actors.owner, { workspaceId: ws.id, briefId, version }), "publishBrief");
  return briefId;
}

const cases: Case[] = [
  {
    command: "importArticle", run: importArticle, minimum: "researcher", action: "article.imported", targetType: "article",
    prepare: async (ws) => ({
      input: { workspaceId: ws.id, title: `Import ${uniq()}`, text: plainText() },
      target: (d) => String(d.articleId),
    }),
  },
  {
    command: "decideClaim", run: decideClaim, minimum: "researcher", action: "claim.confirmed", targetType: "claim",
    prepare: async (ws) => {
      const article = await insertArticle(ws.id, `Acme raised $5 million in seed funding. Case ${uniq()}.`);
      const claim = await insertClaim(ws.id, article, { subject: "Acme", attribute: "funding_round_size", value: "5000000", valueText: "$5 million" });
      return { input: { workspaceId: ws.id, claimId: claim.id, decision: "confirm", version: claim.version }, target: (d) => String(d.claimId) };
    },
  },
  {
    command: "resolveFact", run: resolveFact, minimum: "editor", action: "fact.resolved", targetType: "fact",
    prepare: async (ws) => {
      const subject = `Acme ${uniq()}`;
      const { claimId, factId } = await confirmedClaim(ws.id, ws.actors.owner, `${subject} raised $7 million.`, {
        subject, attribute: "funding_round_size", value: "7000000", valueText: "$7 million",
      });
      const fact = await db.fact.findUniqueOrThrow({ where: { id: factId }, select: { version: true } });
      return {
        input: { workspaceId: ws.id, factId, preferredClaimId: claimId, version: fact.version, rationale: "Only one source reports it, and it is primary." },
        target: (d) => String(d.factId),
      };
    },
  },
  {
    command: "createBrief", run: createBrief, minimum: "editor", action: "brief.created", targetType: "brief",
    prepare: async (ws) => ({ input: { workspaceId: ws.id, title: `Brief ${uniq()}` }, target: (d) => String(d.briefId) }),
  },
  {
    command: "saveBrief", run: saveBrief, minimum: "editor", action: "brief.saved", targetType: "brief",
    prepare: async (ws) => {
      const { briefId } = unwrap(await createBrief(ws.actors.owner, { workspaceId: ws.id, title: `Brief ${uniq()}` }), "createBrief");
      const content = briefContent([{ text: "A new statement.", factIds: [] }]);
      return { input: { workspaceId: ws.id, briefId, title: "Edited title", content, version: 1 }, target: () => briefId };
    },
  },
  {
    command: "publishBrief", run: publishBrief, minimum: "editor", action: "brief.published", targetType: "brief",
    prepare: async (ws) => {
      const { briefId, version } = await savedBrief(ws);
      return { input: { workspaceId: ws.id, briefId, version }, target: () => briefId };
    },
  },
  {
    command: "createShareLink", run: createShareLink, minimum: "editor", action: "share_link.created", targetType: "share_link",
    prepare: async (ws) => {
      const briefId = await publishedBrief(ws);
      return { input: { workspaceId: ws.id, briefId }, target: (d) => String(d.shareLinkId) };
    },
  },
  {
    command: "revokeShareLink", run: revokeShareLink, minimum: "editor", action: "share_link.revoked", targetType: "share_link",
    prepare: async (ws) => {
      const briefId = await publishedBrief(ws);
      const { shareLinkId } = unwrap(await createShareLink(ws.actors.owner, { workspaceId: ws.id, briefId }), "createShareLink");
      return { input: { workspaceId: ws.id, shareLinkId }, target: () => shareLinkId };
    },
  },
  {
    command: "addMember", run: addMember, minimum: "owner", action: "member.added", targetType: "membership",
    prepare: async (ws) => {
      const newcomer = await createUser();
      return { input: { workspaceId: ws.id, email: newcomer.email, role: "researcher" }, target: (d) => String(d.membershipId) };
    },
  },
  {
    command: "changeRole", run: changeRole, minimum: "owner", action: "member.role_changed", targetType: "membership",
    prepare: async (ws) => {
      const member = await addMemberRow(ws.id, "viewer");
      return { input: { workspaceId: ws.id, membershipId: member.membershipId, role: "researcher" }, target: () => member.membershipId };
    },
  },
];

describe.each(cases)("$command", ({ run, minimum, action, targetType, prepare }) => {
  let ws: TestWorkspace;
  let prepared: Prepared;
  const refused = roles.slice(0, roles.indexOf(minimum));

  beforeAll(async () => {
    ws = await createWorkspace("authz");
    prepared = await prepare(ws);
  });

  /** Runs the command and checks that the workspace and the caller's audit trail are unchanged. */
  async function refusedWithoutWrites(actor: Actor | null) {
    const before = await workspaceState(ws.id);
    const auditBefore = actor ? await auditCountBy(actor.userId) : 0;
    const result = await run(actor, prepared.input);
    expect(await workspaceState(ws.id)).toEqual(before);
    if (actor) expect(await auditCountBy(actor.userId)).toBe(auditBefore);
    return result;
  }

  it.each(refused)(`refuses a %s with "forbidden" and writes nothing`, async (role) => {
    const result = await refusedWithoutWrites(ws.actors[role]);
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
  });

  it(`refuses a signed-out caller with "unauthenticated" and writes nothing`, async () => {
    const result = await refusedWithoutWrites(null);
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it(`answers a user from another workspace with "not_found" and writes nothing`, async () => {
    const before = await workspaceState(ws.outsider.workspaceId);
    const result = await refusedWithoutWrites(ws.outsider.actor);
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await workspaceState(ws.outsider.workspaceId)).toEqual(before);
  });

  it(`lets the lowest allowed role (${minimum}) do it and records who did what to which record`, async () => {
    const actor = ws.actors[minimum];
    const result = await run(actor, prepared.input);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const targetId = prepared.target(result.data as Record<string, unknown>);
    const events = await auditEventsFor(targetType, targetId);
    expect(events.filter((e) => e.action === action && e.actorId === actor.userId)).toEqual([
      expect.objectContaining({ workspaceId: ws.id, actorId: actor.userId, action, targetType, targetId }),
    ]);
  });
});
