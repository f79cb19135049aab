// What a reader with a share link sees: the latest published version; nothing once the link is
// revoked or expired; nothing for a token that is malformed or unknown; views counted only for
// live links; and the token itself never stored.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrief, createShareLink, publishBrief, revokeShareLink, saveBrief, setBriefIndexing } from "@/lib/server/commands/briefs";
import { db } from "@/lib/server/db";
import { boss, FORGET_SHARE_VIEWERS_QUEUE, stopBoss } from "@/lib/server/jobs/boss";
import { startDailyJobs } from "@/lib/server/jobs/worker";
import { briefContent, confirmedClaim, createWorkspace, uniq, unwrap, workspaceState, type TestWorkspace } from "@/lib/server/testing/fixtures";
import { shareLinks, type Viewer } from "./share-links";

let ws: TestWorkspace;
let factId: string;
let subject: string;

beforeAll(async () => {
  ws = await createWorkspace("share");
  subject = `Zephyr ${uniq()}`;
  ({ factId } = await confirmedClaim(ws.id, ws.actors.researcher, `${subject} raised $110 billion, its chief executive said.`, {
    subject, attribute: "funding_round_size", value: "110000000000", valueText: "$110 billion",
  }));
});

afterAll(async () => {
  await stopBoss();
});

/** A brief published once; returns what the next edit needs. */
async function published(text = `${subject} raised $110 billion.`) {
  const editor = ws.actors.editor;
  const { briefId } = unwrap(await createBrief(editor, { workspaceId: ws.id, title: `Brief ${uniq()}` }));
  const { version } = unwrap(await saveBrief(editor, { workspaceId: ws.id, briefId, title: "The round", version: 1, content: briefContent([{ text, factIds: [factId] }]) }));
  unwrap(await publishBrief(editor, { workspaceId: ws.id, briefId, version }));
  return { briefId, version: version + 1 };
}

async function share(briefId: string, expiresAt?: string) {
  return unwrap(await createShareLink(ws.actors.editor, { workspaceId: ws.id, briefId, ...(expiresAt ? { expiresAt } : {}) }));
}

const linkRow = (id: string) => db.shareLink.findUniqueOrThrow({ where: { id } });
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");


/** A reader at a documentation address (RFC 5737). */
const visitor = (n = 1): Viewer => ({ address: `203.0.113.${n}`, userAgent: "Test browser" });

describe("createShareLink", () => {
  it("returns a 43-character token and stores only its sha256", async () => {
    const { briefId } = await published();
    const { token, shareLinkId } = await share(briefId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(await linkRow(shareLinkId)).toMatchObject({ briefId, tokenHash: sha256(token), revokedAt: null, viewCount: 0, createdById: ws.users.editor.id });

    // Nowhere in the database: no table's row, cast to text, contains the token.
    const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`;
    expect(tables.length).toBeGreaterThan(10);
    for (const { tablename } of tables) {
      const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${tablename}" t WHERE strpos(t::text, $1) > 0`, token);
      expect(Number(rows[0]?.n), tablename).toBe(0);
    }
  });

  it("gives every link its own token", async () => {
    const { briefId } = await published();
    const a = await share(briefId);
    const b = await share(briefId);
    expect(a.token).not.toBe(b.token);
    expect(await shareLinks.open(a.token)).not.toBeNull();
    expect(await shareLinks.open(b.token)).not.toBeNull();
  });

  it(`refuses to share a brief that was never published with "invalid_state"`, async () => {
    const { briefId } = unwrap(await createBrief(ws.actors.editor, { workspaceId: ws.id, title: "Unpublished" }));
    const result = await createShareLink(ws.actors.editor, { workspaceId: ws.id, briefId });
    expect(result).toMatchObject({ ok: false, code: "invalid_state" });
    expect(await db.shareLink.count({ where: { briefId } })).toBe(0);
  });

  it(`refuses an expiry in the past with "invalid_input"`, async () => {
    const { briefId } = await published();
    const result = await createShareLink(ws.actors.editor, { workspaceId: ws.id, briefId, expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await db.shareLink.count({ where: { briefId } })).toBe(0);
  });
});

describe("shareLinks.open", () => {
  it("shows the latest published version, keeps showing it while a new draft is edited, and counts each viewer", async () => {
    const { briefId, version } = await published(`${subject} raised $110 billion.`);
    const { token, shareLinkId } = await share(briefId);

    const first = await shareLinks.open(token);
    expect(await shareLinks.countView(token, visitor(1))).toBe(true);
    expect(first).toMatchObject({ number: 1, title: "The round" });
    expect(first?.snapshot.sections[0]?.statements[0]?.text).toBe(`${subject} raised $110 billion.`);
    expect(first?.snapshot.footnotes[0]?.sources[0]?.quote).toContain("$110 billion");
    const afterOne = await linkRow(shareLinkId);
    expect(afterOne.viewCount).toBe(1);
    expect(afterOne.lastViewedAt).not.toBeNull();

    // An editor starts a new draft: readers still see version 1.
    const draft = unwrap(await saveBrief(ws.actors.editor, {
      workspaceId: ws.id, briefId, title: "The round, revised", version, content: briefContent([{ text: "Draft text readers must not see.", factIds: [factId] }]),
    }));
    const during = await shareLinks.open(token);
    await shareLinks.countView(token, visitor(2));
    expect(during?.number).toBe(1);
    expect(JSON.stringify(during)).not.toContain("Draft text readers must not see.");

    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: draft.version }));
    const latest = await shareLinks.open(token);
    await shareLinks.countView(token, visitor(3));
    expect(latest).toMatchObject({ number: 2, title: "The round, revised" });
    expect(latest?.snapshot.sections[0]?.statements[0]?.text).toBe("Draft text readers must not see.");
    expect((await linkRow(shareLinkId)).viewCount).toBe(3);
  });

  it("counts a viewer once a day: reloads and replayed beacons add nothing, another viewer or the next day does", async () => {
    const { briefId } = await published();
    const { token, shareLinkId } = await share(briefId);
    // Today and tomorrow (UTC), so that the daily job, which may run meanwhile, forgets none of them.
    const today = new Date().toISOString().slice(0, 10);
    const morning = new Date(`${today}T08:00:00Z`);
    const evening = new Date(`${today}T23:59:00Z`);
    const nextDay = new Date(morning.getTime() + 16 * 3600_000 + 2 * 60_000);
    expect(await shareLinks.countView(token, visitor(1), morning)).toBe(true);
    for (let i = 0; i < 5; i++) expect(await shareLinks.countView(token, visitor(1), evening)).toBe(false);
    expect((await linkRow(shareLinkId)).viewCount).toBe(1);
    // Another address, or another browser at the same address, is another viewer.
    expect(await shareLinks.countView(token, visitor(2), evening)).toBe(true);
    expect(await shareLinks.countView(token, { ...visitor(1), userAgent: "Another browser" }, evening)).toBe(true);
    expect(await shareLinks.countView(token, visitor(1), nextDay)).toBe(true);
    expect(await linkRow(shareLinkId)).toMatchObject({ viewCount: 4, lastViewedAt: nextDay });
    // Only a keyed hash of the viewer is stored.
    const stored = await db.shareLinkView.findMany({ where: { shareLinkId } });
    expect(stored).toHaveLength(4);
    expect(JSON.stringify(stored)).not.toContain("203.0.113");

    // Past days' viewers are forgotten; today's stay, so today's repeats still count nothing.
    expect(await shareLinks.forgetPastViewers(nextDay)).toBeGreaterThanOrEqual(3);
    expect(await db.shareLinkView.count({ where: { shareLinkId } })).toBe(1);
    expect(await shareLinks.countView(token, visitor(1), nextDay)).toBe(false);
  });

  it("is forgotten by the daily job the day after, which the queue schedules once for every instance", async () => {
    const { briefId } = await published();
    const { token, shareLinkId } = await share(briefId);
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    expect(await shareLinks.countView(token, visitor(1), yesterday)).toBe(true);
    expect(await shareLinks.countView(token, visitor(1))).toBe(true);

    await startDailyJobs();
    await startDailyJobs(); // a second instance starting changes nothing
    const client = await boss();
    expect((await client.getSchedules()).filter((s) => s.name === FORGET_SHARE_VIEWERS_QUEUE)).toMatchObject([{ cron: "5 0 * * *" }]);

    // Run today's job now rather than wait for its hour.
    await client.send(FORGET_SHARE_VIEWERS_QUEUE, {});
    const deadline = Date.now() + 20_000;
    while ((await db.shareLinkView.count({ where: { shareLinkId } })) > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const kept = await db.shareLinkView.findMany({ where: { shareLinkId } });
    expect(kept.map((v) => v.day.toISOString().slice(0, 10))).toEqual([new Date().toISOString().slice(0, 10)]);
    // The view counts stay; only who viewed on past days is forgotten.
    expect((await linkRow(shareLinkId)).viewCount).toBe(2);
  }, 30_000);

  it("opening the page writes nothing: views are counted separately", async () => {
    const { briefId } = await published();
    const { token, shareLinkId } = await share(briefId);
    expect(await shareLinks.open(token)).not.toBeNull();
    expect(await shareLinks.open(token)).not.toBeNull();
    expect(await linkRow(shareLinkId)).toMatchObject({ viewCount: 0, lastViewedAt: null });
  });

  it("shows nothing once the link is revoked, at once, and stops counting", async () => {
    const { briefId } = await published();
    const { token, shareLinkId } = await share(briefId);
    expect(await shareLinks.open(token)).not.toBeNull();
    expect(await shareLinks.countView(token, visitor())).toBe(true);

    expect(await revokeShareLink(ws.actors.editor, { workspaceId: ws.id, shareLinkId })).toMatchObject({ ok: true, data: { briefId } });
    expect((await linkRow(shareLinkId)).revokedAt).not.toBeNull();
    expect(await shareLinks.open(token)).toBeNull();
    expect(await shareLinks.countView(token, visitor())).toBe(false);
    expect((await linkRow(shareLinkId)).viewCount).toBe(1);
    // Revoking again is harmless and the link stays revoked.
    expect(await revokeShareLink(ws.actors.editor, { workspaceId: ws.id, shareLinkId })).toMatchObject({ ok: true });
    expect(await shareLinks.open(token)).toBeNull();
  });

  it("shows nothing once the link has expired", async () => {
    const { briefId } = await published();
    const { token, shareLinkId } = await share(briefId, new Date(Date.now() + 60 * 60_000).toISOString());
    expect(await shareLinks.open(token)).not.toBeNull();
    expect(await shareLinks.countView(token, visitor())).toBe(true);
    await db.shareLink.update({ where: { id: shareLinkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await shareLinks.open(token)).toBeNull();
    expect(await shareLinks.countView(token, visitor())).toBe(false);
    expect((await linkRow(shareLinkId)).viewCount).toBe(1);
  });

  it("shows nothing for a malformed or unknown token", async () => {
    const { briefId } = await published();
    const { token } = await share(briefId);
    const malformed = ["", "short", `${token}x`, token.slice(0, 42), `${token.slice(0, 42)}=`, `${token.slice(0, 42)}/`, `${token.slice(0, 21)} ${token.slice(22)}`, "' OR 1=1 --", sha256(token)];
    for (const candidate of malformed) {
      expect(await shareLinks.open(candidate), JSON.stringify(candidate)).toBeNull();
      expect(await shareLinks.countView(candidate, visitor()), JSON.stringify(candidate)).toBe(false);
    }
    const unknown = randomBytes(32).toString("base64url");
    expect(await shareLinks.open(unknown)).toBeNull();
    expect(await shareLinks.countView(unknown, visitor())).toBe(false);
  });

  it("gives the reader no workspace ids, user ids or emails", async () => {
    const { briefId } = await published();
    const { token, shareLinkId } = await share(briefId);
    const serialized = JSON.stringify(await shareLinks.open(token));
    expect(serialized).toContain("$110 billion");
    for (const value of [ws.id, ws.slug, briefId, shareLinkId, factId, ...Object.values(ws.users).flatMap((u) => [u.id, u.email])]) {
      expect(serialized).not.toContain(value);
    }
    expect(serialized).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i);
  });
});

describe("revokeShareLink", () => {
  it(`answers "not_found" for a link of another workspace, which keeps working`, async () => {
    const other = await createWorkspace("share-other");
    const { briefId } = unwrap(await createBrief(other.actors.editor, { workspaceId: other.id, title: "Theirs" }));
    const { version } = unwrap(await saveBrief(other.actors.editor, { workspaceId: other.id, briefId, title: "Theirs", version: 1, content: briefContent([{ text: "Their statement.", factIds: [] }]) }));
    unwrap(await publishBrief(other.actors.editor, { workspaceId: other.id, briefId, version }));
    const { token, shareLinkId } = unwrap(await createShareLink(other.actors.editor, { workspaceId: other.id, briefId }));
    const before = await workspaceState(other.id);

    const result = await revokeShareLink(ws.actors.editor, { workspaceId: ws.id, shareLinkId });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await workspaceState(other.id)).toEqual(before);
    expect(await shareLinks.open(token)).not.toBeNull();
  });
});

describe("shareLinks.open, across versions", () => {
  async function twoVersions() {
    const { briefId, version } = await published(`${subject} raised $100 billion.`);
    const draft = unwrap(await saveBrief(ws.actors.editor, {
      workspaceId: ws.id, briefId, title: "The round", version, content: briefContent([{ text: `${subject} raised $110 billion.`, factIds: [factId] }]),
    }));
    return { briefId, second: draft.version };
  }

  it("gives the version after a correction with the corrections log; a pinned link keeps its version", async () => {
    const { briefId, second } = await twoVersions();
    const latest = await share(briefId);
    const pinned = unwrap(await createShareLink(ws.actors.editor, { workspaceId: ws.id, briefId, pinnedVersion: 1 }));
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: second, changeNote: "The first figure was a typo." }));

    const reader = await shareLinks.open(latest.token);
    expect(reader).toMatchObject({ number: 2, allowIndexing: false });
    expect(reader?.corrections).toEqual([{
      number: 2, publishedAt: expect.any(String), changeNote: "The first figure was a typo.", overrideNote: null,
      changes: [{ kind: "changed", from: `${subject} raised $100 billion.`, to: `${subject} raised $110 billion.` }],
    }]);
    const old = await shareLinks.open(pinned.token);
    expect(old).toMatchObject({ number: 1, corrections: [] });
    expect(old?.snapshot.sections[0]?.statements[0]?.text).toBe(`${subject} raised $100 billion.`);
    // Nothing private in either, corrections included.
    for (const view of [reader, old]) {
      const serialized = JSON.stringify(view);
      for (const value of [ws.id, ws.slug, briefId, latest.shareLinkId, pinned.shareLinkId, factId, ...Object.values(ws.users).flatMap((u) => [u.id, u.email])]) {
        expect(serialized).not.toContain(value);
      }
    }
  });

  it("tells the reader page whether search engines may index it", async () => {
    const { briefId } = await published();
    const { token } = await share(briefId);
    expect((await shareLinks.open(token))?.allowIndexing).toBe(false);
    unwrap(await setBriefIndexing(ws.actors.editor, { workspaceId: ws.id, briefId, allowIndexing: true }));
    expect((await shareLinks.open(token))?.allowIndexing).toBe(true);
  });
});
