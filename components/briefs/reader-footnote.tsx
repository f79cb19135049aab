import { Fragment } from "react";
import { Quote } from "@/components/evidence/quote";
import { Badge } from "@/components/ui/badge";
import type { SnapshotFootnote, SnapshotSource } from "@/lib/briefs/snapshot";
import { formatDate } from "@/lib/format";

const rankLabel = { preferred: "preferred", normal: "supporting", deprecated: "set aside" } as const;

function SourceLine({ s }: { s: SnapshotSource }) {
  return (
    <div className="mt-1 text-stone-600">
      {s.url ? <a className="text-sky-700 underline" href={s.url} rel="noopener noreferrer nofollow">{s.title}</a> : <cite className="not-italic">{s.title}</cite>}
      {" · "}{s.outlet ?? "outlet unknown"} · {formatDate(s.publishedAt)}
      <span className="print-url hidden">{s.url ? ` · ${s.url}` : ""}</span>
    </div>
  );
}

/**
 * One footnote of the reader page: the fact's value and its leading quote (outlet, date,
 * link) in view, and a card that opens with everything behind it — the accepted value, how
 * many independent sources give it, why the claims were ranked as they were, and every other
 * quote with its outlet, date and link. Old snapshots lack some fields; the card leaves
 * those lines out.
 */
export function ReaderFootnote({ f }: { f: SnapshotFootnote }) {
  const lead = f.sources[0];
  const reasons = [...new Set(f.sources.map((s) => s.rankReason).filter((r): r is string => !!r && r !== f.rationale))];
  return (
    <li id={`fn-${f.n}`} data-testid="footnote" className="footnote scroll-mt-6 break-inside-avoid">
      <div className="flex flex-wrap items-center gap-2 font-medium">
        <span>[{f.n}] {f.subject} · {f.attribute}: {f.value}</span>
        {f.state === "conflicting" ? <Badge tone="amber">sources disagree</Badge> : null}
        {f.overridden ? <Badge tone="amber">published with an editor&apos;s note</Badge> : null}
      </div>
      {lead ? (
        <div className="mt-2">
          <div className="text-xs uppercase tracking-wide text-stone-500">{rankLabel[lead.rank]} · states {lead.valueText}</div>
          <Quote text={lead.quote} figure={lead.valueText} className="text-base" />
          <SourceLine s={lead} />
        </div>
      ) : <p className="mt-1 text-stone-600">No source quote is attached to this fact.</p>}
      <details className="evidence-card mt-2 rounded-md border border-stone-200 bg-white px-3 py-2" data-testid="footnote-card">
        <summary className="cursor-pointer text-sky-800">
          The evidence: {f.sources.length} quote{f.sources.length === 1 ? "" : "s"}
          {f.independentSources != null ? `, ${f.independentSources} independent source${f.independentSources === 1 ? "" : "s"}` : ""}
        </summary>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
          <dt className="text-stone-500">{f.state === "resolved" ? "Accepted value" : f.state === "agreed" ? "Value all sources give" : "Values reported"}</dt>
          <dd data-testid="footnote-value">{f.value}</dd>
          {f.timeline?.length ? (
            <>
              <dt className="text-stone-500">Values over time</dt>
              <dd>
                <ol className="space-y-0.5" data-testid="footnote-timeline">
                  {f.timeline.map((entry, k) => (
                    <li key={k}>
                      <span className="font-medium">{entry.value}</span>
                      {entry.modality ? <span className="text-stone-600"> · {entry.modality.replace("_", " ")}</span> : null}
                      {entry.asOf ? <span className="text-stone-600"> · as of {formatDate(entry.asOf)}</span> : null}
                      {entry.sources.length ? (
                        <span className="text-stone-500"> · {entry.sources.length} quote{entry.sources.length === 1 ? "" : "s"}</span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </dd>
            </>
          ) : null}
          {f.independentSources != null ? (
            <>
              <dt className="text-stone-500">Independent sources</dt>
              <dd>{f.independentSources} <span className="text-stone-500">(reports repeating one story count once)</span></dd>
            </>
          ) : null}
          {f.rationale ? (
            <>
              <dt className="text-stone-500">Why this value</dt>
              <dd>{f.rationale}</dd>
            </>
          ) : null}
          {reasons.map((r, i) => (
            <Fragment key={i}>
              <dt className="text-stone-500">Why the claims were ranked so</dt>
              <dd>{r}</dd>
            </Fragment>
          ))}
        </dl>
        {/* The leading quote is in view above; the card adds the rest (one blockquote each). */}
        {f.sources.length > 1 ? (
          <ul className="mt-3 space-y-3">
            {f.sources.slice(1).map((s, k) => (
              <li key={k}>
                <div className="text-xs uppercase tracking-wide text-stone-500">{rankLabel[s.rank]} · states {s.valueText}</div>
                <Quote text={s.quote} figure={s.valueText} className="text-base" />
                <SourceLine s={s} />
              </li>
            ))}
          </ul>
        ) : <p className="mt-2 text-stone-600">The quote above is the only one cited for this value.</p>}
      </details>
    </li>
  );
}
