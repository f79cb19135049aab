import { describe, expect, it } from "vitest";
import { reviewQueueFilters } from "@/lib/validations/claims";
import { db } from "@/lib/server/db";
import { reviewQueue } from "@/lib/server/data/review-queue";
import { createWorkspace, importFixtureArticle, plainText, unwrap } from "@/lib/server/testing/fixtures";
import { assignArticle } from "./articles";

describe("assignArticle and my queue", () => {
  it("lets an editor give an article to a researcher, whose queue then holds its claims", async () => {
    const ws = await createWorkspace("assign");
    const mine = await importFixtureArticle(ws.id, ws.actors.researcher, { text: plainText() });
    const other = await importFixtureArticle(ws.id, ws.actors.researcher, { text: plainText() });

    const refused = await assignArticle(ws.actors.researcher, { workspaceId: ws.id, articleId: mine.articleId, assigneeId: ws.users.researcher.id });
    expect(refused.ok ? "ok" : refused.code).toBe("forbidden");
    const toViewer = await assignArticle(ws.actors.editor, { workspaceId: ws.id, articleId: mine.articleId, assigneeId: ws.users.viewer.id });
    expect(toViewer.ok ? "ok" : toViewer.code).toBe("invalid_input");
    const toOutsider = await assignArticle(ws.actors.editor, { workspaceId: ws.id, articleId: mine.articleId, assigneeId: ws.outsider.id });
    expect(toOutsider.ok ? "ok" : toOutsider.code).toBe("invalid_input");
    expect((await db.article.findUniqueOrThrow({ where: { id: mine.articleId } })).assigneeId).toBeNull();

    unwrap(await assignArticle(ws.actors.editor, { workspaceId: ws.id, articleId: mine.articleId, assigneeId: ws.users.researcher.id }));
    const event = await db.auditEvent.findFirst({ where: { workspaceId: ws.id, action: "article.assigned", targetId: mine.articleId } });
    expect(event?.actorId).toBe(ws.users.editor.id);

    const queue = await reviewQueue(ws.id, reviewQueueFilters.parse({ assignee: "me" }), ws.users.researcher.id);
    expect(queue.claims.length).toBeGreaterThan(0);
    expect(queue.claims.every((c) => c.article.id === mine.articleId)).toBe(true);
    const everyone = await reviewQueue(ws.id, reviewQueueFilters.parse({}), ws.users.researcher.id);
    expect(everyone.claims.some((c) => c.article.id === other.articleId)).toBe(true);
    const editorsQueue = await reviewQueue(ws.id, reviewQueueFilters.parse({ assignee: "me" }), ws.users.editor.id);
    expect(editorsQueue.claims).toEqual([]);
  });
});
