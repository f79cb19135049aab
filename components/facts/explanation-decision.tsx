"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { decideExplanationAction } from "@/lib/server/actions/facts/decide-explanation";

const kinds = [["time", "time"], ["definition", "definition"], ["rounding", "rounding"], ["copied", "copied"], ["likely_error", "likely error"]] as const;

/** Accept the suggested explanation of one disagreement, or record another kind with a note. */
export function ExplanationDecision({ workspaceId, factId, valueKey, suggested, decided }: {
  workspaceId: string; factId: string; valueKey: string; suggested: string;
  decided: { kind: string; note: string | null; decidedBy: string } | null;
}) {
  const router = useRouter();
  const [kind, setKind] = useState(decided?.kind ?? suggested);
  const [note, setNote] = useState(decided?.note ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function save() {
    setPending(true);
    setError(null);
    const result = await decideExplanationAction({ workspaceId, factId, valueKey, kind, note });
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  }
  const label = (k: string) => kinds.find(([v]) => v === k)?.[1] ?? k;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
      {decided ? <span data-testid="explanation-decided" className="text-emerald-800">{decided.decidedBy} settled on “{label(decided.kind)}”{decided.note ? `: ${decided.note}` : ""}.</span> : null}
      <label className="sr-only" htmlFor={`kind-${valueKey}`}>Explanation</label>
      <select id={`kind-${valueKey}`} value={kind} onChange={(e) => setKind(e.target.value)} className="rounded border border-stone-300 bg-white px-1 py-0.5">
        {kinds.map(([v, l]) => <option key={v} value={v}>{l}{v === suggested ? " (suggested)" : ""}</option>)}
      </select>
      <label className="sr-only" htmlFor={`note-${valueKey}`}>Note</label>
      <input id={`note-${valueKey}`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="note (optional)" className="w-48 rounded border border-stone-300 px-1 py-0.5" />
      <Button variant="secondary" className="!px-2 !py-0.5 text-xs" disabled={pending} onClick={() => void save()}>
        {kind === suggested && !decided ? "Accept" : "Save"}
      </Button>
      {error ? <span role="alert" className="text-red-700">{error}</span> : null}
    </div>
  );
}
