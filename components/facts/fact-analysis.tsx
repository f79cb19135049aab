import { Badge } from "@/components/ui/badge";
import { ExplanationDecision } from "./explanation-decision";
import { formatDate } from "@/lib/format";
import type { factAnalysis } from "@/lib/server/data/reconciliation";

type Analysis = NonNullable<Awaited<ReturnType<typeof factAnalysis>>>;

const kindLabel = { time: "time", definition: "definition", rounding: "rounding", copied: "copied", likely_error: "likely error" } as const;
const kindTone = { time: "blue", definition: "blue", rounding: "neutral", copied: "amber", likely_error: "red" } as const;

/** Why the sources disagree, how the value moved, who independently says what, and the arithmetic. */
export function FactAnalysis({ analysis, decide, claimLabels }: {
  analysis: Analysis;
  decide: { workspaceId: string; factId: string } | null;
  /** A short label per claim id ("$2 billion — Example Wire, 4 May 2026"), for the evidence links to the claim cards. */
  claimLabels: Record<string, string>;
}) {
  const { explanations, timeline, sources, checks, decided } = analysis;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {explanations.disagreements.length ? (
        <section aria-label="Why the sources disagree" className="rounded-lg border border-stone-200 bg-white p-4 text-sm lg:col-span-2">
          <h2 className="font-semibold">Why the sources disagree (suggested)</h2>
          <ul className="mt-2 space-y-2">
            {explanations.disagreements.map((d) => (
              <li key={d.value.key} data-testid="explanation" className="flex flex-wrap items-start gap-2">
                <Badge tone={kindTone[d.suggestion.kind]}>{kindLabel[d.suggestion.kind]}</Badge>
                <span className="flex-1">
                  {d.suggestion.sentence}
                  {d.alternatives.length ? <span className="text-stone-500"> Also possible: {d.alternatives.map((a) => kindLabel[a.kind]).join(", ")}.</span> : null}
                  {d.suggestion.claimIds.some((id) => claimLabels[id]) ? (
                    <span className="mt-1 block text-xs text-stone-600" data-testid="explanation-evidence">
                      Evidence:{" "}
                      {d.suggestion.claimIds.filter((id) => claimLabels[id]).map((id, i) => (
                        <span key={id}>{i > 0 ? "; " : ""}<a className="text-sky-700 underline" href={`#claim-${id}`}>{claimLabels[id]}</a></span>
                      ))}
                    </span>
                  ) : null}
                  {decide ? (
                    <ExplanationDecision {...decide} valueKey={d.value.key} suggested={d.suggestion.kind} decided={decided.find((x) => x.valueKey === d.value.key) ?? null} />
                  ) : (() => {
                    // Those who cannot decide still see what a researcher settled on.
                    const verdict = decided.find((x) => x.valueKey === d.value.key);
                    return verdict ? (
                      <span data-testid="explanation-decided" className="mt-1 block text-xs text-emerald-800">
                        {verdict.decidedBy} settled on “{kindLabel[verdict.kind as keyof typeof kindLabel] ?? verdict.kind}”{verdict.note ? `: ${verdict.note}` : ""}.
                      </span>
                    ) : null;
                  })()}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-label="Timeline" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <h2 className="font-semibold">Timeline</h2>
        <ol className="mt-2 space-y-1 border-l-2 border-stone-200 pl-3">
          {timeline.map((t, i) => (
            <li key={i} data-testid="timeline-entry">
              <span className="font-medium">{t.date ? formatDate(t.date) : "undated"}</span>
              {t.dateSource === "published" ? <span className="text-stone-500"> (published)</span> : null}
              {" · "}<strong>{t.label}</strong>
              {t.stage ? <> · <Badge>{t.stage.replace("_", " ")}</Badge></> : null}
              <span className="text-stone-500"> · {t.outlets.join(", ") || "outlet unknown"}</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="Independent sources" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <h2 className="font-semibold">Independent sources</h2>
        <ul className="mt-2 space-y-1">
          {sources.map((s) => (
            <li key={s.key} data-testid="value-support">
              <strong>{s.label}</strong>: {s.independentSources} independent source{s.independentSources === 1 ? "" : "s"}
              {s.sources.some((g) => g.links.length) ? (
                <span className="text-stone-500"> ({s.sources.flatMap((g) => g.links.map((l) => l.detail)).join("; ")})</span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {checks.length ? (
        <section aria-label="Consistency checks" className="rounded-lg border border-stone-200 bg-white p-4 text-sm lg:col-span-2">
          <h2 className="font-semibold">Consistency checks</h2>
          <ul className="mt-2 space-y-1">
            {checks.map((c, i) => (
              <li key={i} data-testid="consistency-check" className="flex items-start gap-2">
                <Badge tone={c.status === "broken" ? "red" : c.status === "ok" ? "green" : "neutral"}>{c.status}</Badge>
                <span>{c.message}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
