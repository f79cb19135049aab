"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { removeCitationAction } from "@/lib/server/actions/claims/remove-citation";

export type ClaimCitation = { id: string; articleId: string; articleTitle: string; exact: string; orphaned: boolean };

const excerpt = (s: string, max = 140) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Every citation of a claim, with the article it quotes and a link to it. A claim keeps at
 * least one: the last citation has no Remove button, and removing asks first.
 */
export function CitationList({ workspaceId, slug, citations, currentArticleId, mayEdit, onRemoved }: {
  workspaceId: string;
  slug: string;
  citations: ClaimCitation[];
  currentArticleId: string;
  mayEdit: boolean;
  onRemoved: (citationId: string) => void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (citations.length === 0) return null;

  function remove(citationId: string) {
    setError(null);
    startTransition(async () => {
      const result = await removeCitationAction({ workspaceId, citationId });
      setConfirming(null);
      if (!result.ok) return setError(result.message);
      onRemoved(citationId);
    });
  }

  return (
    <div className="mt-2 border-t border-stone-100 pt-2">
      <p className="text-xs font-medium text-stone-700">{citations.length === 1 ? "1 citation" : `${citations.length} citations`}</p>
      <ul className="mt-1 space-y-1.5" aria-label="Citations">
        {citations.map((c) => (
          <li key={c.id} data-testid="citation" className="text-xs text-stone-700">
            <Link href={`/w/${slug}/articles/${c.articleId}`} className="font-medium text-sky-800 underline">
              {c.articleTitle}
            </Link>
            {c.articleId === currentArticleId ? <span className="text-stone-500"> (this article)</span> : null}
            {c.orphaned ? <span className="text-amber-800"> · orphaned</span> : null}
            <q className="mt-0.5 block text-stone-600">{excerpt(c.exact)}</q>
            {mayEdit && citations.length > 1 ? (
              confirming === c.id ? (
                <span className="mt-1 flex flex-wrap items-center gap-2" role="group" aria-label="Confirm removal">
                  <span>Remove this citation from “{c.articleTitle}”?</span>
                  <Button variant="danger" className="px-2 py-0.5 text-xs" disabled={pending} onClick={() => remove(c.id)}>Yes, remove</Button>
                  <Button variant="secondary" className="px-2 py-0.5 text-xs" disabled={pending} onClick={() => setConfirming(null)}>Keep</Button>
                </span>
              ) : (
                <Button variant="ghost" className="mt-0.5 px-1 py-0 text-xs" onClick={() => setConfirming(c.id)}
                  aria-label={`Remove the citation from “${c.articleTitle}”`}>Remove</Button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {error ? <p className="mt-1 text-xs text-red-700" role="alert">{error}</p> : null}
    </div>
  );
}
