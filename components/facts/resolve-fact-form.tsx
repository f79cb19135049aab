"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { formatValue } from "@/lib/format";
import { resolveFactAction } from "@/lib/server/actions/facts/resolve-fact";

export type ResolveClaimOption = { id: string; label: string; preferred: boolean };
export type TimelineRowInit = { value: string | null; low: string | null; high: string | null; asOf: string | null; modality: string | null; claimIds: readonly string[] };

// `suggestedIds`: the claims the row started with, shown first; fixed, so ticking a box never moves it.
type Row = { key: number; ranged: boolean; value: string; low: string; high: string; asOf: string; modality: string; claimIds: string[]; suggestedIds: readonly string[] };

const stages = [["", "no stage"], ["target", "target"], ["in_talks", "in talks"], ["announced", "announced"], ["completed", "completed"], ["reported", "reported"]] as const;
const inputClass = "rounded-md border border-stone-300 bg-white px-2 py-1 text-sm focus:border-sky-600 focus:outline-none focus:ring-1 focus:ring-sky-600";

// Keys come from positions, never a module counter, so the server and browser render the same ids.
const toRow = (r: TimelineRowInit, key: number): Row => ({
  key, ranged: r.value == null && (r.low != null || r.high != null), value: r.value ?? "", low: r.low ?? "", high: r.high ?? "",
  asOf: r.asOf ?? "", modality: r.modality ?? "", claimIds: [...r.claimIds], suggestedIds: [...r.claimIds],
});
const emptyRow = (key: number): Row => toRow({ value: null, low: null, high: null, asOf: null, modality: null, claimIds: [] }, key);

/**
 * Resolve a fact: one accepted value (the preferred claim's), or values over time, starting
 * from the fact's computed timeline; every row is a value or range, its as-of date, its
 * stage and the claims that support it. Errors show next to the row they concern.
 */
export function ResolveFactForm({ workspaceId, factId, version, unit, claims, suggestedTimeline, currentTimeline }: {
  workspaceId: string; factId: string; version: number; unit: string;
  claims: ResolveClaimOption[];
  /** Rows from the computed timeline, to start "values over time" from. */
  suggestedTimeline: readonly TimelineRowInit[];
  /** The timeline the fact is resolved to now, if any: the form starts from it instead. */
  currentTimeline: readonly TimelineRowInit[] | null;
}) {
  const router = useRouter();
  const id = useId();
  const [mode, setMode] = useState<"value" | "timeline">(currentTimeline ? "timeline" : "value");
  const [rows, setRows] = useState<Row[]>(() => (currentTimeline ?? suggestedTimeline).map((r, i) => toRow(r, i)));
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [ranks, setRanks] = useState<Record<string, { rank: string; reason: string }>>({});
  const rankOf = (claimId: string) => ranks[claimId] ?? { rank: "", reason: "" };
  const setRank = (claimId: string, patch: Partial<{ rank: string; reason: string }>) => setRanks((rs) => ({ ...rs, [claimId]: { ...rankOf(claimId), ...patch } }));
  const overrides = Object.entries(ranks).filter(([, r]) => r.rank).map(([claimId, r]) => ({ claimId, rank: r.rank, reason: r.reason }));

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const toggleClaim = (key: number, claimId: string, on: boolean) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, claimIds: on ? [...r.claimIds, claimId] : r.claimIds.filter((c) => c !== claimId) } : r)));

  const claimBox = (r: Row, c: ResolveClaimOption) => (
    <label key={c.id} className="flex items-start gap-2 text-xs">
      <input className="mt-0.5" type="checkbox" checked={r.claimIds.includes(c.id)} onChange={(e) => toggleClaim(r.key, c.id, e.target.checked)} /> {c.label}
    </label>
  );

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rationale = String(form.get("rationale") ?? "");
    if (mode === "value" && !form.get("preferred")) {
      setFieldErrors({});
      return setError("Choose the preferred claim.");
    }
    setPending(true);
    setError(null);
    setFieldErrors({});
    const result =
      mode === "value"
        ? await resolveFactAction({ workspaceId, factId, version, mode, preferredClaimId: String(form.get("preferred") ?? ""), rationale, ranks: overrides })
        : await resolveFactAction({
            workspaceId, factId, version, mode, rationale, ranks: overrides,
            timeline: rows.map((r) => ({
              value: r.ranged ? null : r.value, low: r.ranged ? r.low : null, high: r.ranged ? r.high : null, asOf: r.asOf, modality: r.modality, claimIds: r.claimIds,
            })),
          });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors((result.details?.fields as Record<string, string> | undefined) ?? {});
      return;
    }
    router.refresh();
  }

  const preview = (r: Row) => {
    const clean = (s: string) => (s.trim() ? s.replace(/[,\s]/g, "") : null);
    const v = r.ranged ? { value: null, low: clean(r.low), high: clean(r.high), unit } : { value: clean(r.value), low: null, high: null, unit };
    const valid = [v.value, v.low, v.high].every((x) => x == null || (unit === "date" ? /^\d{4}-\d{2}-\d{2}$/.test(x) : /^-?\d+(\.\d+)?$/.test(x)));
    return valid && (v.value ?? v.low ?? v.high) != null ? formatValue(v) : null;
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label="Resolve this fact" noValidate>
      <h2 className="font-semibold">Resolve</h2>
      {error ? <Alert>{error}</Alert> : null}
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="mb-1 font-medium">Resolve to</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" value="value" checked={mode === "value"} onChange={() => setMode("value")} /> One accepted value
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" value="timeline" checked={mode === "timeline"} onChange={() => setMode("timeline")} /> Values over time
        </label>
      </fieldset>

      {mode === "value" ? (
        <fieldset className="space-y-1 text-sm">
          <legend className="mb-1 font-medium">Preferred claim</legend>
          {claims.map((c) => (
            <label key={c.id} className="flex items-start gap-2">
              <input className="mt-1" type="radio" name="preferred" value={c.id} defaultChecked={c.preferred} required /> {c.label}
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-stone-600">
            Each row is a value the fact held from its as-of date, in date order. Figures are plain numbers in {unit === "date" ? "dates (2026-02-27)" : unit}, like 122000000000.
          </p>
          {fieldErrors.timeline ? <p role="alert" className="text-xs text-red-700">{fieldErrors.timeline}</p> : null}
          <ol className="space-y-3">
            {rows.map((r, i) => {
              const err = (field: string) => fieldErrors[`timeline.${i}.${field}`];
              const rowId = `${id}-row-${r.key}`;
              const shown = preview(r);
              return (
                <li key={r.key} data-testid="timeline-row">
                  <fieldset className="space-y-2 rounded-md border border-stone-200 p-3 text-sm">
                    <legend className="px-1 font-medium">Value {i + 1}</legend>
                    <div className="flex flex-wrap items-end gap-3">
                      {r.ranged ? (
                        <>
                          <label className="flex flex-col gap-1" htmlFor={`${rowId}-low`}>
                            <span>Low<span className="sr-only"> of value {i + 1}</span></span>
                            <input id={`${rowId}-low`} inputMode="decimal" className={`${inputClass} w-40`} value={r.low} onChange={(e) => update(r.key, { low: e.target.value })} aria-invalid={err("low") ? true : undefined} />
                          </label>
                          <label className="flex flex-col gap-1" htmlFor={`${rowId}-high`}>
                            <span>High<span className="sr-only"> of value {i + 1}</span></span>
                            <input id={`${rowId}-high`} inputMode="decimal" className={`${inputClass} w-40`} value={r.high} onChange={(e) => update(r.key, { high: e.target.value })} aria-invalid={err("high") ? true : undefined} />
                          </label>
                        </>
                      ) : (
                        <label className="flex flex-col gap-1" htmlFor={`${rowId}-value`}>
                          <span>Value<span className="sr-only"> {i + 1}</span></span>
                          <input id={`${rowId}-value`} inputMode="decimal" className={`${inputClass} w-44`} value={r.value} onChange={(e) => update(r.key, { value: e.target.value })} aria-invalid={err("value") ? true : undefined} />
                        </label>
                      )}
                      <label className="flex items-center gap-1 pb-1.5">
                        <input type="checkbox" checked={r.ranged} onChange={(e) => update(r.key, { ranged: e.target.checked })} /> Range<span className="sr-only"> for value {i + 1}</span>
                      </label>
                      <label className="flex flex-col gap-1" htmlFor={`${rowId}-asof`}>
                        <span>As of<span className="sr-only"> value {i + 1}</span></span>
                        <input id={`${rowId}-asof`} type="date" className={inputClass} value={r.asOf} onChange={(e) => update(r.key, { asOf: e.target.value })} aria-invalid={err("asOf") ? true : undefined} />
                      </label>
                      <label className="flex flex-col gap-1" htmlFor={`${rowId}-stage`}>
                        <span>Stage<span className="sr-only"> of value {i + 1}</span></span>
                        <select id={`${rowId}-stage`} className={inputClass} value={r.modality} onChange={(e) => update(r.key, { modality: e.target.value })}>
                          {stages.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                          {r.modality && !stages.some(([v]) => v === r.modality) ? <option value={r.modality}>{r.modality.replaceAll("_", " ")}</option> : null}
                        </select>
                      </label>
                      <Button type="button" variant="ghost" className="ml-auto" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                        Remove<span className="sr-only"> value {i + 1}</span>
                      </Button>
                    </div>
                    {shown ? <p className="text-xs text-stone-500">Reads as {shown}.</p> : null}
                    {["value", "low", "high", "asOf"].map((f) => (err(f) ? <p key={f} role="alert" className="text-xs text-red-700">{err(f)}</p> : null))}
                    <fieldset>
                      <legend className="text-xs font-medium text-stone-700">Supporting claims</legend>
                      {/* The row's own claims in view; the fact's other claims folded away, so a fact
                          with many reports keeps a short form. */}
                      <div className="mt-1 space-y-1">
                        {claims.filter((c) => r.suggestedIds.includes(c.id)).map((c) => claimBox(r, c))}
                      </div>
                      {claims.some((c) => !r.suggestedIds.includes(c.id)) ? (
                        <details className="mt-1" open={r.suggestedIds.length === 0}>
                          <summary className="cursor-pointer text-xs text-sky-800">
                            Other claims of this fact ({claims.filter((c) => !r.suggestedIds.includes(c.id)).length})
                          </summary>
                          <div className="mt-1 space-y-1">
                            {claims.filter((c) => !r.suggestedIds.includes(c.id)).map((c) => claimBox(r, c))}
                          </div>
                        </details>
                      ) : null}
                      {err("claimIds") ? <p role="alert" className="mt-1 text-xs text-red-700">{err("claimIds")}</p> : null}
                    </fieldset>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={() => setRows((rs) => [...rs, emptyRow(Math.max(-1, ...rs.map((x) => x.key)) + 1)])}>Add a value</Button>
            <Button type="button" variant="ghost" onClick={() => setRows(suggestedTimeline.map((r, i) => toRow(r, i)))}>Start again from the computed timeline</Button>
          </div>
        </div>
      )}

      <details className="rounded-md border border-stone-200 p-3 text-sm" open={overrides.length > 0 || Object.keys(fieldErrors).some((k) => k.startsWith("ranks."))}>
        <summary className="cursor-pointer font-medium">Rank claims yourself (optional)</summary>
        <p className="mt-1 text-xs text-stone-600">
          {mode === "value"
            ? "By default the preferred claim is preferred, claims with its value normal and the rest deprecated, with the rationale as reason."
            : "By default the latest value's claims are preferred, earlier values' normal, and claims that fit no value deprecated, with the rationale as reason."}
        </p>
        <ul className="mt-2 space-y-2">
          {claims.map((c) => {
            const r = rankOf(c.id);
            const err = fieldErrors[`ranks.${c.id}`];
            return (
              <li key={c.id} className="space-y-1" data-testid="rank-claim">
                <div className="text-xs text-stone-700">{c.label}</div>
                <div className="flex flex-wrap gap-2">
                  <label className="sr-only" htmlFor={`${id}-rank-${c.id}`}>Rank for {c.label}</label>
                  <select id={`${id}-rank-${c.id}`} className={inputClass} value={r.rank} onChange={(e) => setRank(c.id, { rank: e.target.value })} aria-invalid={err ? true : undefined}>
                    <option value="">as the choice implies</option>
                    <option value="preferred">preferred</option>
                    <option value="normal">normal</option>
                    <option value="deprecated">deprecated</option>
                  </select>
                  <label className="sr-only" htmlFor={`${id}-reason-${c.id}`}>Reason for the rank of {c.label}</label>
                  <input id={`${id}-reason-${c.id}`} className={`${inputClass} min-w-0 flex-1`} placeholder="reason (else the rationale)" value={r.reason}
                    disabled={!r.rank} onChange={(e) => setRank(c.id, { reason: e.target.value })} />
                </div>
                {err ? <p role="alert" className="text-xs text-red-700">{err}</p> : null}
              </li>
            );
          })}
        </ul>
      </details>

      <Field label="Rationale" htmlFor="rationale" hint={mode === "value" ? "Why this value: later stage, definition, the better source…" : "Why these values and dates: what changed between them, which sources you trust…"}>
        <Textarea id="rationale" name="rationale" rows={3} required minLength={10} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : mode === "value" ? "Mark preferred" : "Accept timeline"}</Button>
    </form>
  );
}
