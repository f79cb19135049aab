"use client";
import { useMemo, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatValue, humanize } from "@/lib/format";
import { segmentText } from "@/lib/highlight";
import { decideClaimAction } from "@/lib/server/actions/claims/decide-claim";

export type ReaderClaim = {
  id: string; subject: string; attribute: string; value: string | null; low: string | null; high: string | null; unit: string;
  valueText: string; counterparty: string | null; modality: string | null; basis: string | null; start: number; end: number;
  status: "suggested" | "confirmed" | "rejected"; version: number; confidence: number;
};

const statusTone = { suggested: "amber", confirmed: "green", rejected: "neutral" } as const;

export function ArticleReader({ workspaceId, text, claims: initial, mayReview }: { workspaceId: string; text: string; claims: ReaderClaim[]; mayReview: boolean }) {
  const [claims, setClaims] = useState(initial);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const textRef = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => segmentText(text, claims), [text, claims]);
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);

  function select(id: string, scroll: boolean) {
    setSelected(id);
    if (scroll) textRef.current?.querySelector(`[data-claim="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function decide(claim: ReaderClaim, decision: "confirm" | "reject") {
    const before = claim;
    // Optimistic: show the decision at once, roll back with a message if the server refuses.
    setClaims((all) => all.map((c) => (c.id === claim.id ? { ...c, status: decision === "confirm" ? "confirmed" : "rejected" } : c)));
    setMessage(null);
    startTransition(async () => {
      const result = await decideClaimAction({ workspaceId, claimId: claim.id, decision, version: claim.version });
      if (result.ok) {
        setClaims((all) => all.map((c) => (c.id === claim.id ? { ...c, status: result.data.status as ReaderClaim["status"], version: result.data.version } : c)));
        return;
      }
      const current = result.details as { status?: ReaderClaim["status"]; version?: number } | undefined;
      setClaims((all) => all.map((c) => (c.id === claim.id ? { ...before, ...(current?.status && current.version ? { status: current.status, version: current.version } : {}) } : c)));
      setMessage(result.message);
    });
  }

  const counts = { suggested: 0, confirmed: 0, rejected: 0 };
  for (const c of claims) counts[c.status]++;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <article ref={textRef} aria-label="Article text" className="whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-5 font-serif text-[1.05rem] leading-relaxed">
        {segments.map((s) =>
          s.spanId ? (
            <mark key={s.start} data-claim={s.spanId} data-status={byId.get(s.spanId)?.status} data-selected={selected === s.spanId}
              onClick={() => select(s.spanId!, false)} title={byId.get(s.spanId) ? humanize(byId.get(s.spanId)!.attribute) : undefined}>
              {s.text}
            </mark>
          ) : (
            <span key={s.start}>{s.text}</span>
          ),
        )}
      </article>
      <aside aria-label="Claims in this article" className="space-y-3">
        <div className="flex flex-wrap gap-2 text-sm">
          <Badge tone="amber">{counts.suggested} suggested</Badge>
          <Badge tone="green">{counts.confirmed} confirmed</Badge>
          <Badge>{counts.rejected} rejected</Badge>
        </div>
        {message ? <Alert>{message}</Alert> : null}
        {claims.length === 0 ? <p className="text-sm text-stone-600">The extractor found no figures in this article.</p> : null}
        <ol className="space-y-2">
          {claims.map((c) => (
            <li key={c.id} data-testid="claim" data-claim-id={c.id}
              className={`rounded-lg border bg-white p-3 text-sm ${selected === c.id ? "border-sky-600 ring-1 ring-sky-600" : "border-stone-200"}`}>
              <button type="button" className="w-full text-left" onClick={() => select(c.id, true)} aria-label={`Show “${c.valueText}” in the text`}>
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium">{c.subject} · {humanize(c.attribute)}</span>
                  <Badge tone={statusTone[c.status]}>{c.status}</Badge>
                </div>
                <div className="mt-1 text-base font-semibold">{formatValue(c)}</div>
                <div className="mt-1 text-stone-600">
                  “{c.valueText}”
                  {[c.counterparty && `from ${c.counterparty}`, c.modality?.replace("_", " "), c.basis?.replace("_", "-")].filter(Boolean).map((q) => ` · ${q}`)}
                </div>
              </button>
              {mayReview ? (
                <div className="mt-2 flex gap-2">
                  <Button variant="secondary" disabled={pending || c.status === "confirmed"} onClick={() => decide(c, "confirm")}
                    aria-label={`Confirm ${c.subject} ${humanize(c.attribute)} ${c.valueText}`}>Confirm</Button>
                  <Button variant="danger" disabled={pending || c.status === "rejected"} onClick={() => decide(c, "reject")}
                    aria-label={`Reject ${c.subject} ${humanize(c.attribute)} ${c.valueText}`}>Reject</Button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
