import { describe, expect, it } from "vitest";
import { decideClaim } from "@/lib/server/commands/claims";
import { importArticle } from "@/lib/server/commands/articles";
import { db } from "@/lib/server/db";
import { createWorkspace, uniq, unwrap } from "@/lib/server/testing/fixtures";

describe("a changed source imported again from its URL", () => {
  it("becomes a new revision whose citations re-anchor, or stay as orphans when their figure changed", async () => {
    const ws = await createWorkspace("revisions");
    const name = `Halcyon${uniq()} Energy`;
    const url = `https://news.example/${uniq()}`;
    const v1 = `${name} raised $640 million in a Series C round led by Tidewater Capital. Tidewater Capital contributed $250 million of the round.`;
    const first = unwrap(await importArticle(ws.actors.researcher, { workspaceId: ws.id, title: "v1", url, text: v1 }));
    const claims = await db.claim.findMany({ where: { articleId: first.articleId }, select: { id: true, version: true, valueText: true } });
    const round = claims.find((c) => c.valueText === "$640 million")!;
    const stake = claims.find((c) => c.valueText === "$250 million")!;
    for (const c of [round, stake]) unwrap(await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: c.id, decision: "confirm", version: c.version }));

    // Words changed around the round size; Tidewater's amount itself was corrected.
    const v2 = `Update: ${name} has raised $640 million in a Series C funding round led by Tidewater Capital. Tidewater Capital contributed $260 million of the round.`;
    const second = unwrap(await importArticle(ws.actors.researcher, { workspaceId: ws.id, title: "v2", url, text: v2 }));
    const revision = await db.article.findUniqueOrThrow({ where: { id: second.articleId }, select: { revision: true, previousId: true, text: true } });
    expect(revision).toMatchObject({ revision: 2, previousId: first.articleId });

    const reanchored = await db.citation.findFirstOrThrow({ where: { claimId: round.id, articleId: second.articleId } });
    expect(reanchored.orphaned).toBe(false);
    expect(revision.text.slice(reanchored.start, reanchored.end)).toBe(reanchored.exact);
    expect(reanchored.exact).toContain("$640 million");

    const orphan = await db.citation.findFirstOrThrow({ where: { claimId: stake.id, articleId: second.articleId } });
    expect(orphan.orphaned).toBe(true);
    expect(orphan.exact).toContain("$250 million"); // the stored quote is kept, never dropped
    expect(await db.citation.count({ where: { claimId: stake.id, articleId: first.articleId } })).toBe(1);
  });
});
