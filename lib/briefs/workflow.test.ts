import { describe, expect, it } from "vitest";
import { checkOpenComments, checkReturnToDraft, checkSendForReview, commentThreads, emptyStatementNumbers, openCount, statusAfterEdit } from "./workflow";

describe("the brief workflow", () => {
  it("keeps a brief in review while it is edited, and turns a published one back into a draft", () => {
    expect(statusAfterEdit("in_review")).toBe("in_review");
    expect(statusAfterEdit("published")).toBe("draft");
    expect(statusAfterEdit("draft")).toBe("draft");
  });

  it("sends for review only a brief with something written that is not in review already", () => {
    expect(checkSendForReview("draft", [{ text: "A statement." }])).toEqual({ ok: true });
    expect(checkSendForReview("published", [{ text: "A statement." }])).toEqual({ ok: true });
    expect(checkSendForReview("draft", [{ text: "  " }])).toMatchObject({ ok: false, message: expect.stringContaining("at least one statement") });
    expect(checkSendForReview("in_review", [{ text: "A statement." }])).toMatchObject({ ok: false, message: "This brief is already in review." });
  });

  it("takes back to draft only a brief in review", () => {
    expect(checkReturnToDraft("in_review")).toEqual({ ok: true });
    expect(checkReturnToDraft("draft").ok).toBe(false);
    expect(checkReturnToDraft("published").ok).toBe(false);
  });

  it("asks the editor to confirm publishing over open comments rather than blocking", () => {
    expect(checkOpenComments(0, false)).toEqual({ ok: true });
    expect(checkOpenComments(2, false)).toMatchObject({ ok: false, message: expect.stringContaining("2 review comments are still open") });
    expect(checkOpenComments(1, false)).toMatchObject({ ok: false, message: expect.stringContaining("1 review comment is still open") });
    expect(checkOpenComments(2, true)).toEqual({ ok: true });
  });

  it("numbers the empty statements that hold publishing back", () => {
    expect(emptyStatementNumbers([{ text: "One." }, { text: "" }, { text: " " }])).toEqual([2, 3]);
  });
});

describe("commentThreads", () => {
  const c = (id: string, statementId: string, resolved = false) => ({ id, statementId, resolvedAt: resolved ? "2026-06-01T10:00:00Z" : null });

  it("puts comments beside their statements in order, and keeps those on removed statements apart", () => {
    const threads = commentThreads(["s1", "s2"], [c("a", "s1"), c("b", "gone"), c("c", "s1", true), c("d", "s2"), c("e", "gone")]);
    expect([...threads.byStatement].map(([id, list]) => [id, list.map((x) => x.id)])).toEqual([["s1", ["a", "c"]], ["s2", ["d"]]]);
    expect(threads.removed.map((r) => [r.statementId, r.comments.map((x) => x.id)])).toEqual([["gone", ["b", "e"]]]);
  });

  it("counts only open comments", () => {
    expect(openCount([c("a", "s1"), c("b", "s1", true), c("c", "s2")])).toBe(2);
  });
});
