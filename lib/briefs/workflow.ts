// A brief's workflow: draft → in review → published, and reviewers' comments per statement.
//
// Rules a newsroom expects, decided here once:
// - An editor sends a draft (or a published brief being revised) for review. Editing while in
//   review keeps it in review: the editor answers comments by editing, and reviewers keep
//   reading the live text. Editing a published brief starts a new draft (readers keep the
//   published version).
// - Reviewers (researcher and up) comment on single statements while the brief is in review.
//   Comments are never deleted; their author or an editor resolves them. A comment whose
//   statement was later removed stays, marked "statement removed".
// - Open comments do not block publishing, but the editor must confirm publishing over them.

export type BriefStatus = "draft" | "in_review" | "published";

export const statusLabel: Record<BriefStatus, string> = { draft: "draft", in_review: "in review", published: "published" };

/** The status a save leaves the brief in. */
export function statusAfterEdit(status: BriefStatus): BriefStatus {
  return status === "published" ? "draft" : status;
}

export type TransitionRefusal = { ok: false; message: string };

/** May the brief be sent for review? It must not be in review already, and have something to read. */
export function checkSendForReview(status: BriefStatus, statements: readonly { text: string }[]): { ok: true } | TransitionRefusal {
  if (status === "in_review") return { ok: false, message: "This brief is already in review." };
  if (!statements.some((s) => s.text.trim())) return { ok: false, message: "Write at least one statement before sending the brief for review." };
  return { ok: true };
}

export function checkReturnToDraft(status: BriefStatus): { ok: true } | TransitionRefusal {
  return status === "in_review" ? { ok: true } : { ok: false, message: "Only a brief in review can be taken back to draft." };
}

/** Publishing over open comments needs the editor's explicit confirmation. */
export function checkOpenComments(open: number, confirmed: boolean): { ok: true } | TransitionRefusal {
  if (open === 0 || confirmed) return { ok: true };
  return {
    ok: false,
    message: `${open} review comment${open === 1 ? " is" : "s are"} still open. Resolve ${open === 1 ? "it" : "them"}, or confirm that you want to publish anyway.`,
  };
}

/** Publishing needs every statement written: an empty one is a draft's placeholder. */
export function emptyStatementNumbers(statements: readonly { text: string }[]): number[] {
  return statements.flatMap((s, i) => (s.text.trim() ? [] : [i + 1]));
}

export type CommentLike = { id: string; statementId: string; resolvedAt: Date | string | null };

export type CommentThreads<T extends CommentLike> = {
  /** Comments on statements still in the brief, by statement id, oldest first. */
  byStatement: Map<string, T[]>;
  /** Comments on statements since removed, grouped by the removed statement's id. */
  removed: { statementId: string; comments: T[] }[];
};

/** Sorts comments (given oldest first) onto the statements they belong to. */
export function commentThreads<T extends CommentLike>(statementIds: readonly string[], comments: readonly T[]): CommentThreads<T> {
  const present = new Set(statementIds);
  const byStatement = new Map<string, T[]>();
  const removed = new Map<string, T[]>();
  for (const c of comments) {
    const target = present.has(c.statementId) ? byStatement : removed;
    const list = target.get(c.statementId);
    if (list) list.push(c);
    else target.set(c.statementId, [c]);
  }
  return { byStatement, removed: [...removed].map(([statementId, list]) => ({ statementId, comments: list })) };
}

export const openCount = (comments: readonly CommentLike[]) => comments.filter((c) => c.resolvedAt == null).length;
