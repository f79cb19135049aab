"use client";
import { useEffect, useId, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatValue, humanize } from "@/lib/format";
import { addCitationAction } from "@/lib/server/actions/claims/add-citation";
import { findCitableClaimsAction } from "@/lib/server/actions/claims/find-citable-claims";
import type { CitableClaim } from "@/lib/server/commands/claims";

export type CitedHere = { citationId: string; claimId: string; subject: string; attribute: string; valueText: string; claimArticleId: string; claimArticleTitle: string; exact: string };

/**
 * Cites the selected words for a claim that already exists (in this article or another):
 * search the workspace's confirmed and suggested claims, choose one, and the words become
 * one more citation of it.
 */
export function CiteClaimPanel({ workspaceId, articleId, exact, start, end, onCited, onCancel }: {
  workspaceId: string;
  articleId: string;
  exact: string;
  start: number;
  end: number;
  onCited: (cited: CitedHere) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<CitableClaim[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();
  const [saving, startSave] = useTransition();

  useEffect(() => {
    // Searches once typing pauses; the newest query's answer wins.
    let current = true;
    const timer = setTimeout(() => {
      startSearch(async () => {
        const result = await findCitableClaimsAction({ workspaceId, q });
        if (!current) return;
        if (!result.ok) return setMessage(result.message);
        setResults(result.data);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [workspaceId, q]);

  function cite(claim: CitableClaim) {
    setMessage(null);
    startSave(async () => {
      const result = await addCitationAction({ workspaceId, claimId: claim.id, articleId, start, end, exact });
      if (!result.ok) return setMessage(result.message);
      onCited({
        citationId: result.data.citationId, claimId: claim.id, subject: claim.subject, attribute: claim.attribute, valueText: claim.valueText,
        claimArticleId: result.data.claimArticleId, claimArticleTitle: claim.articleTitle, exact,
      });
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border border-sky-300 bg-sky-50/40 p-3">
      <h2 id={`${id}-title`} className="text-sm font-semibold">Cite for an existing claim</h2>
      <blockquote className="border-l-2 border-sky-600 pl-2 text-sm text-stone-700">“{exact}”</blockquote>
      {message ? <Alert>{message}</Alert> : null}
      <label htmlFor={`${id}-q`} className="block text-sm font-medium text-stone-800">Find the claim</label>
      <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" placeholder="Subject, attribute or value"
        aria-describedby={`${id}-status`}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-1 focus:ring-sky-600" />
      <p id={`${id}-status`} className="text-xs text-stone-600" role="status">
        {searching || results == null ? "Searching…" : results.length === 0 ? "No confirmed or suggested claim matches." : `${results.length} claims${results.length === 20 ? " (the first 20)" : ""}`}
      </p>
      {results && results.length > 0 ? (
        <ul className="max-h-80 space-y-1 overflow-auto" aria-label="Claims to cite">
          {results.map((c) => (
            <li key={c.id}>
              <button type="button" disabled={saving} onClick={() => cite(c)}
                className="w-full rounded-md border border-stone-200 bg-white p-2 text-left text-sm hover:border-sky-600 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:opacity-60"
                aria-label={`Cite for ${c.subject} · ${humanize(c.attribute)} · ${c.valueText}`}>
                <span className="flex items-center justify-between gap-2">
                  <span className="font-medium">{c.subject} · {humanize(c.attribute)}</span>
                  <Badge tone={c.status === "confirmed" ? "green" : "amber"}>{c.status}</Badge>
                </span>
                <span className="block">{formatValue(c)} <span className="text-stone-600">“{c.valueText}”</span></span>
                <span className="block truncate text-xs text-stone-600">{c.articleTitle}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Button type="button" variant="secondary" onClick={onCancel} disabled={saving}>Cancel</Button>
    </section>
  );
}
