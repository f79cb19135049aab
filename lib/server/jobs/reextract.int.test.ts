import { afterAll, describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/extract";
import { decideClaim } from "@/lib/server/commands/claims";
import { reextractWorkspace } from "@/lib/server/commands/imports";
import { db } from "@/lib/server/db";
import { createWorkspace, importFixtureArticle, uniq, unwrap } from "@/lib/server/testing/fixtures";
import { stopBoss } from "./boss";
import { processImportItems } from "./import-job";

afterAll(async () => {
  await stopBoss();
});

const text = (tail: string) =>
  `Vantor${tail} Systems raised $300 million in a funding round on March 3, 2026, at a $2.4 billion valuation. ` +
  `Meridian Capital invested $120 million of it. Vantor${tail} said revenue rose 45% last year.`;

describe("re-running extraction on a workspace", () => {
  it("refreshes untouched suggestions, restores missing ones, and never touches a person's decision", async () => {
    const ws = await createWorkspace("reextract");
    const { articleId } = await importFixtureArticle(ws.id, ws.actors.researcher, { text: text(uniq()) });
    const before = await db.claim.findMany({ where: { articleId }, orderBy: { start: "asc" }, select: { id: true, version: true, status: true, start: true } });
    expect(before.length).toBeGreaterThanOrEqual(3);
    const [confirmed, rejected, lost, ...rest] = before;
    unwrap(await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: confirmed!.id, decision: "confirm", version: confirmed!.version }));
    unwrap(await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: rejected!.id, decision: "reject", version: rejected!.version }));
    // An older extractor that missed one figure and labelled another differently.
    await db.claim.delete({ where: { id: lost!.id } });
    if (rest[0]) await db.claim.update({ where: { id: rest[0].id }, data: { attribute: "amount", extractorVersion: "0.0.1" } });
    const decidedBefore = await db.claim.findMany({ where: { id: { in: [confirmed!.id, rejected!.id] } }, orderBy: { id: "asc" } });

    // A viewer may not start it.
    const refused = await reextractWorkspace(ws.actors.viewer, { workspaceId: ws.id });
    expect(refused.ok ? "ok" : refused.code).toBe("forbidden");

    const { jobId } = unwrap(await reextractWorkspace(ws.actors.researcher, { workspaceId: ws.id }));
    const items = await db.jobItem.findMany({ where: { jobId }, select: { id: true } });
    await processImportItems(items.map((i) => i.id));
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, done: true } })).toEqual({ status: "succeeded", done: 1 });

    const after = await db.claim.findMany({ where: { articleId }, orderBy: { start: "asc" } });
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { text: true } });
    // One claim per figure the extractor finds: nothing duplicated, the lost one back.
    expect(after).toHaveLength(extractClaims(article.text, { publishedAt: null }).length);
    expect(after.some((c) => c.start === lost!.start)).toBe(true);
    if (rest[0]) expect(after.find((c) => c.id === rest[0]!.id)?.extractorVersion).not.toBe("0.0.1");
    // The person's decisions are exactly as they were.
    const decidedAfter = await db.claim.findMany({ where: { id: { in: [confirmed!.id, rejected!.id] } }, orderBy: { id: "asc" } });
    expect(decidedAfter).toEqual(decidedBefore);
  });
});
