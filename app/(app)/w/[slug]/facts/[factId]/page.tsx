import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FactAnalysis } from "@/components/facts/fact-analysis";
import { FactStateBadge } from "@/components/facts/fact-state-badge";
import { ResolveFactForm } from "@/components/facts/resolve-fact-form";
import { Quote } from "@/components/evidence/quote";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatValue, humanize } from "@/lib/format";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { dec, facts } from "@/lib/server/data/facts";
import { factAnalysis } from "@/lib/server/data/reconciliation";
import { parseAcceptedTimeline } from "@/lib/validations/facts";
import { AcceptedTimeline } from "../accepted-timeline";

export const metadata: Metadata = { title: "Fact" };

const rankTone = { preferred: "blue", normal: "neutral", deprecated: "red" } as const;

export default async function FactPage({ params }: { params: Promise<{ slug: string; factId: string }> }) {
  const { slug, factId } = await params;
  const { workspace } = await requireWorkspace(slug);
  const [fact, analysis, history] = await Promise.all([facts.get(workspace.id, factId), factAnalysis(workspace.id, factId), facts.history(workspace.id, factId)]);
  if (!fact || !analysis) notFound();
  const claims = fact.claims.map((c) => ({ ...c, value: dec(c.value), low: dec(c.low), high: dec(c.high) }));
  const accepted = fact.resolvedAt ? formatValue({ value: dec(fact.acceptedValue), low: dec(fact.acceptedLow), high: dec(fact.acceptedHigh), unit: fact.unit }) : null;
  const acceptedTimeline = fact.resolvedAt ? parseAcceptedTimeline(fact.acceptedTimeline) : null;
  return (
    <div className="space-y-5">
      <div>
        <Link href={`/w/${slug}/facts`} className="text-sm text-sky-700 underline">← Facts</Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-xl font-semibold">
          {fact.subject} · {humanize(fact.attribute)} <FactStateBadge state={fact.state} stale={fact.stale} />
        </h1>
        {fact.qualifierKey ? <p className="text-sm text-stone-500">{fact.qualifierKey.replaceAll("|", " · ").replaceAll(":", ": ")}</p> : null}
      </div>
      {accepted ? (
        <section className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm" aria-label="Resolution">
          {acceptedTimeline ? (
            <div className="space-y-1">
              <div>Accepted values over time:</div>
              <AcceptedTimeline entries={acceptedTimeline} unit={fact.unit} />
              <div className="text-stone-600">Current value: <strong data-testid="accepted-value">{accepted}</strong></div>
            </div>
          ) : (
            <div>Accepted value: <strong data-testid="accepted-value">{accepted}</strong></div>
          )}
          <p className="mt-1 text-stone-700">{fact.rationale}</p>
        </section>
      ) : null}
      <FactAnalysis analysis={analysis} decide={can(workspace.role, "claims.review") ? { workspaceId: workspace.id, factId: fact.id } : null}
        claimLabels={Object.fromEntries(claims.map((c) => [c.id, `${formatValue(c)} — ${c.article.outlet ?? c.article.title}, ${formatDate(c.article.publishedAt)}`]))} />
      <h2 className="font-semibold">Claims</h2>
      <ul className="space-y-3">
        {claims.map((c) => (
          <li key={c.id} id={`claim-${c.id}`} className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 text-sm target:ring-2 target:ring-sky-500" data-testid="fact-claim">
            <div className="flex flex-wrap items-center gap-2">
              <strong className="text-base">{formatValue(c)}</strong>
              <Badge tone={rankTone[c.rank]}>{c.rank}</Badge>
              {c.modality ? <Badge>{c.modality.replace("_", " ")}</Badge> : null}
              {c.basis ? <Badge>{c.basis.replace("_", "-")}</Badge> : null}
              {c.asOf ? <span className="text-stone-500">as of {formatDate(c.asOf)}</span> : null}
            </div>
            {c.rank !== "normal" && c.rankReason ? <p className="mt-1 text-xs text-stone-600" data-testid="rank-reason">Ranked {c.rank}: {c.rankReason}</p> : null}
            <div className="mt-1 text-stone-600">
              <Link className="text-sky-700 underline" href={`/w/${slug}/articles/${c.article.id}`}>{c.article.title}</Link>
              {" · "}{c.article.outlet ?? "outlet unknown"} · {formatDate(c.article.publishedAt)}
            </div>
            {c.citations.map((q) => (
              <div key={q.id} className="mt-2">
                {q.orphaned ? <p className="text-xs text-amber-800" data-testid="orphaned-citation">Orphaned: this quote is no longer in the source&apos;s latest revision.</p> : null}
                <Quote text={q.exact} figure={c.valueText} className={q.orphaned ? "opacity-70" : ""} />
                {/* A second citation may come from another article: name the one it quotes. */}
                {q.articleId !== c.article.id ? (
                  <p className="mt-1 text-xs text-stone-600" data-testid="other-article-citation">
                    Also in <Link className="text-sky-700 underline" href={`/w/${slug}/articles/${q.articleId}`}>{q.article.title}</Link>
                  </p>
                ) : null}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {can(workspace.role, "facts.resolve") && claims.length > 0 ? (
        <ResolveFactForm workspaceId={workspace.id} factId={fact.id} version={fact.version} unit={fact.unit}
          suggestedTimeline={analysis.suggestedTimeline} currentTimeline={acceptedTimeline}
          claims={claims.map((c) => ({ id: c.id, label: `${formatValue(c)}${c.modality ? `, ${c.modality.replace("_", " ")}` : ""}${c.asOf ? `, as of ${formatDate(c.asOf)}` : ""} — ${c.article.outlet ?? c.article.title} (${formatDate(c.article.publishedAt)})`, preferred: c.rank === "preferred" }))} />
      ) : null}
      {history.length ? (
        <section aria-label="Resolution history" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">Resolution history</h2>
          <ol className="mt-2 space-y-3">
            {history.map((h) => (
              <li key={h.id} data-testid="resolution-history-entry" className="border-l-2 border-stone-200 pl-3">
                <div className="text-stone-600">{formatDate(h.createdAt)} · {h.by}</div>
                {h.timeline ? (
                  <AcceptedTimeline entries={h.timeline} unit={fact.unit} testId="history-timeline" />
                ) : (
                  <div>Accepted <strong>{formatValue({ value: h.acceptedValue, low: h.acceptedLow, high: h.acceptedHigh, unit: fact.unit })}</strong></div>
                )}
                <p className="text-stone-700">{h.rationale}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
