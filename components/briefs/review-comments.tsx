"use client";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { addBriefCommentAction } from "@/lib/server/actions/briefs/add-brief-comment";
import { resolveBriefCommentAction } from "@/lib/server/actions/briefs/resolve-brief-comment";

export type ReviewComment = {
  id: string; statementId: string; authorId: string; authorName: string; body: string;
  createdAt: string; resolvedAt: string | null; resolvedByName: string | null;
};

// Rendered on the server and in the browser alike, so one fixed zone: no hydration mismatch.
const stamp = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
export const commentTime = (iso: string) => `${stamp.format(new Date(iso))} UTC`;

/** One statement's review thread: its comments, oldest first, and a box to add one. */
export function ReviewThread({ workspaceId, briefId, statementId, statementLabel, comments, mayComment, mayResolveAny, userId, removed = false }: {
  workspaceId: string; briefId: string; statementId: string;
  /** "statement 2", for the accessible names of the thread and its box. */
  statementLabel: string;
  comments: ReviewComment[];
  /** May add a comment now: a reviewer, and the brief is in review. */
  mayComment: boolean;
  /** An editor: may resolve anyone's comment. */
  mayResolveAny: boolean;
  userId: string;
  removed?: boolean;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const result = await addBriefCommentAction({ workspaceId, briefId, statementId, body });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setBody("");
  }

  async function resolve(commentId: string) {
    setPending(true);
    const result = await resolveBriefCommentAction({ workspaceId, commentId });
    setPending(false);
    setError(result.ok ? null : result.message);
  }

  if (comments.length === 0 && !mayComment) return null;
  return (
    <section aria-label={`Review comments on ${statementLabel}`} className="space-y-2 text-sm" data-testid="review-thread">
      {error ? <Alert>{error}</Alert> : null}
      {comments.length ? (
        <ol className="space-y-2">
          {comments.map((c) => (
            <li key={c.id} data-testid="review-comment" className={`rounded-md border p-2 ${c.resolvedAt ? "border-stone-200 bg-stone-50 text-stone-600" : "border-amber-200 bg-amber-50"}`}>
              <p className="flex flex-wrap items-center gap-x-2 text-xs text-stone-600">
                <span className="font-medium text-stone-800">{c.authorName}</span>
                <time dateTime={c.createdAt}>{commentTime(c.createdAt)}</time>
                {removed ? <Badge tone="neutral">statement removed</Badge> : null}
                {c.resolvedAt ? <Badge tone="green">resolved</Badge> : <Badge tone="amber">open</Badge>}
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{c.body}</p>
              {c.resolvedAt ? (
                <p className="mt-1 text-xs">Resolved by {c.resolvedByName} <time dateTime={c.resolvedAt}>{commentTime(c.resolvedAt)}</time></p>
              ) : mayResolveAny || c.authorId === userId ? (
                <Button variant="ghost" className="mt-1 !px-2 !py-0.5 text-xs" disabled={pending} onClick={() => void resolve(c.id)}
                  aria-label={`Resolve comment by ${c.authorName}: ${c.body.slice(0, 60)}`}>Resolve</Button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {mayComment && !removed ? (
        <form onSubmit={add} className="space-y-1">
          <label htmlFor={`${id}-body`} className="sr-only">Comment on {statementLabel}</label>
          <Textarea id={`${id}-body`} rows={2} value={body} placeholder="Comment on this statement" onChange={(e) => setBody(e.target.value)} />
          <Button type="submit" variant="secondary" disabled={pending || !body.trim()} aria-label={`Add comment on ${statementLabel}`}>Add comment</Button>
        </form>
      ) : null}
    </section>
  );
}
