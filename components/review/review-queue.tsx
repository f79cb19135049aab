"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatValue, humanize } from "@/lib/format";
import { decideClaimAction } from "@/lib/server/actions/claims/decide-claim";

type Status = "suggested" | "confirmed" | "rejected";
export type QueueClaim = {
  id: string; subject: string; attribute: string; value: string | null; low: string | null; high: string | null; unit: string;
  valueText: string; counterparty: string | null; modality: string | null; basis: string | null; status: Status; version: number;
  confidence: number; sentence: string; figureAt: number; article: { id: string; title: string; outlet: string | null };
};
type Decision = "confirm" | "reject" | "reset";

const statusTone = { suggested: "amber", confirmed: "green", rejected: "neutral" } as const;
const statusOf = { confirm: "confirmed", reject: "rejected", reset: "suggested" } as const;

export function ReviewQueue({ workspaceId, slug, mayReview, claims: initial }: { workspaceId: string; slug: string; mayReview: boolean; claims: QueueClaim[] }) {
  const router = useRouter();
  const [claims, setClaims] = useState(initial);
  const [focus, setFocus] = useState(0);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [help, setHelp] = useState(false);
  const history = useRef<{ id: string; previous: Status }[]>([]);
  const rows = useRef<(HTMLLIElement | null)[]>([]);

  useEffect(() => {
    rows.current[focus]?.scrollIntoView({ block: "nearest" });
  }, [focus]);

  // Decisions apply on screen at once and focus moves on without waiting; the saves run one
  // after another, each with the version the previous one returned.
  const latest = useRef(claims);
  useEffect(() => {
    latest.current = claims;
  }, [claims]);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const [unsaved, setUnsaved] = useState(0);

  // Leaving while decisions are still being saved would drop them: ask first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const decide = useCallback((index: number, decision: Decision, remember = true) => {
    const found = latest.current[index];
    if (!found || !mayReview) return;
    const shown = found;
    const target = statusOf[decision];
    if (shown.status === target) return;
    const previous = shown.status;
    latest.current = latest.current.map((c) => (c.id === shown.id ? { ...c, status: target } : c));
    setClaims(latest.current);
    if (decision !== "reset") setFocus((f) => Math.min(f + 1, latest.current.length - 1));
    setMessage(null);
    setUnsaved((n) => n + 1);
    saving.current = saving.current.then(async () => {
      try {
        await save();
      } finally {
        setUnsaved((n) => n - 1);
      }
    });
    async function save() {
      const version = latest.current.find((c) => c.id === shown.id)?.version ?? shown.version;
      const result = await decideClaimAction({ workspaceId, claimId: shown.id, decision, version });
      if (result.ok) {
        if (remember) history.current.push({ id: shown.id, previous });
        latest.current = latest.current.map((c) => (c.id === shown.id ? { ...c, status: result.data.status as Status, version: result.data.version } : c));
        setClaims(latest.current);
        return;
      }
      const current = result.details as { status?: Status; version?: number } | undefined;
      latest.current = latest.current.map((c) => (c.id === shown.id ? { ...c, status: current?.status ?? previous, version: current?.version ?? c.version } : c));
      setClaims(latest.current);
      setMessage({ tone: "error", text: result.message });
    }
  }, [mayReview, workspaceId]);

  const undo = useCallback(async () => {
    await saving.current; // undo the last decision that was actually saved
    const last = history.current.pop();
    if (!last) return setMessage({ tone: "info", text: "Nothing to undo." });
    const index = claims.findIndex((c) => c.id === last.id);
    if (index < 0) return;
    setFocus(index);
    const decision: Decision = last.previous === "confirmed" ? "confirm" : last.previous === "rejected" ? "reject" : "reset";
    decide(index, decision, false);
  }, [claims, decide]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const keys: Record<string, () => void> = {
        j: () => setFocus((f) => Math.min(f + 1, claims.length - 1)),
        k: () => setFocus((f) => Math.max(f - 1, 0)),
        a: () => decide(focus, "confirm"),
        r: () => decide(focus, "reject"),
        u: () => void undo(),
        e: () => { const c = claims[focus]; if (c) router.push(`/w/${slug}/articles/${c.article.id}`); },
        "?": () => setHelp((h) => !h),
        Escape: () => setHelp(false),
      };
      const action = keys[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [claims, focus, decide, undo, slug, router]);

  if (claims.length === 0) return <EmptyState title="Nothing to review here.">Change the filters, or import more articles.</EmptyState>;

  return (
    <div className="space-y-3">
      <p role="status" className="text-xs text-stone-500" data-testid="save-state">{unsaved ? "Saving…" : "All decisions saved."}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {help ? (
        <div role="dialog" aria-label="Keyboard shortcuts" className="rounded-lg border border-stone-300 bg-white p-4 text-sm shadow">
          <h2 className="mb-2 font-semibold">Keyboard shortcuts</h2>
          <dl className="grid grid-cols-[4rem_1fr] gap-1">
            {[["j", "next claim"], ["k", "previous claim"], ["a", "confirm"], ["r", "reject"], ["u", "undo the last decision"], ["e", "open in the article"], ["?", "show or hide this list"]].map(([k, d]) => (
              <div key={k} className="contents"><dt><kbd className="rounded border border-stone-300 px-1">{k}</kbd></dt><dd>{d}</dd></div>
            ))}
          </dl>
        </div>
      ) : null}
      <ol className="space-y-2" aria-label="Claims to review">
        {claims.map((c, i) => (
          <li key={c.id} ref={(el) => { rows.current[i] = el; }} data-testid="queue-claim" aria-current={i === focus ? "true" : undefined}
            onClick={() => setFocus(i)}
            className={`rounded-lg border bg-white p-3 text-sm ${i === focus ? "border-sky-600 ring-2 ring-sky-600" : "border-stone-200"}`}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{c.subject} · {humanize(c.attribute)}</span>
              <strong>{formatValue(c)}</strong>
              {c.counterparty ? <span className="text-stone-600">from {c.counterparty}</span> : null}
              {c.modality ? <Badge>{c.modality.replace("_", " ")}</Badge> : null}
              <span className="ml-auto flex items-center gap-2">
                <span className="text-xs text-stone-500">{Math.round(c.confidence * 100)}%</span>
                <Badge tone={statusTone[c.status]}>{c.status}</Badge>
              </span>
            </div>
            <p className="mt-1 font-serif text-stone-800">
              {c.sentence.slice(0, c.figureAt)}<mark className="bg-amber-100">{c.sentence.slice(c.figureAt, c.figureAt + c.valueText.length)}</mark>{c.sentence.slice(c.figureAt + c.valueText.length)}
            </p>
            <p className="mt-1 text-xs text-stone-500">
              <Link className="underline" href={`/w/${slug}/articles/${c.article.id}`}>{c.article.title}</Link>{c.article.outlet ? ` · ${c.article.outlet}` : ""}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
