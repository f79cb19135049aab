"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { mergeEntitiesAction } from "@/lib/server/actions/entities/merge-entities";
import { undoEntityMergeAction } from "@/lib/server/actions/entities/undo-entity-merge";

export type EntityListRow = { key: string; name: string; aliases: string[]; claims: number };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The entity list with selection: choose two or more, then the name to keep, and confirm a
 * summary of what changes. The selection survives paging and searching, so entities on
 * different pages can be merged.
 */
export function EntityMergeTable({ workspaceId, rows, mayMerge }: { workspaceId: string; rows: EntityListRow[]; mayMerge: boolean }) {
  const id = useId();
  const router = useRouter();
  const [selected, setSelected] = useState<Map<string, EntityListRow>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const [survivorKey, setSurvivorKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string; undoEventId?: string | null } | null>(null);
  const [pending, startTransition] = useTransition();
  const chosen = [...selected.values()];
  const survivor = chosen.find((e) => e.key === survivorKey) ?? chosen[0] ?? null;
  const others = chosen.filter((e) => e !== survivor);

  function toggle(row: EntityListRow) {
    setNotice(null);
    setConfirming(false);
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(row.key)) next.delete(row.key);
      else next.set(row.key, row);
      return next;
    });
  }

  function merge() {
    if (!survivor) return;
    startTransition(async () => {
      const result = await mergeEntitiesAction({
        workspaceId, survivorKey: survivor.key, entities: chosen.map((e) => ({ key: e.key, aliases: e.aliases })),
      });
      if (!result.ok) {
        setNotice({ tone: "error", text: result.message });
        if (result.code === "conflict") router.refresh();
        return;
      }
      const { survivor: kept, claims, alreadyMerged, eventId } = result.data;
      setNotice({
        tone: "success",
        text: alreadyMerged ? `These were already merged into “${kept.name}”.` : `Merged into “${kept.name}”: ${plural(claims, "claim now names", "claims now name")} it.`,
        undoEventId: eventId,
      });
      setSelected(new Map());
      setConfirming(false);
      setSurvivorKey(null);
      router.refresh();
    });
  }

  function undo(eventId: string) {
    startTransition(async () => {
      const result = await undoEntityMergeAction({ workspaceId, eventId });
      if (!result.ok) return setNotice({ tone: "error", text: result.message });
      const { name, claims, alreadyUndone } = result.data;
      setNotice({ tone: "success", text: alreadyUndone ? "That merge was already undone." : `Undone: the merge into “${name}” is reversed (${plural(claims, "claim", "claims")} restored).` });
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {notice ? (
        <Alert tone={notice.tone}>
          {notice.text}
          {notice.undoEventId ? (
            <Button variant="secondary" className="ml-2 px-2 py-0.5" disabled={pending} onClick={() => undo(notice.undoEventId!)}>Undo</Button>
          ) : null}
        </Alert>
      ) : null}
      {mayMerge ? (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-stone-200 bg-white p-3 text-sm" aria-live="polite">
          <span>{chosen.length === 0 ? "Select two or more entities to merge them." : `${plural(chosen.length, "entity", "entities")} selected: ${chosen.map((e) => e.name).join(", ")}`}</span>
          <Button className="ml-auto" disabled={chosen.length < 2 || pending} onClick={() => { setConfirming(true); setNotice(null); }} aria-expanded={confirming}>
            Merge…
          </Button>
          {chosen.length > 0 ? <Button variant="ghost" onClick={() => { setSelected(new Map()); setConfirming(false); }}>Clear</Button> : null}
        </div>
      ) : null}

      {confirming && survivor && chosen.length >= 2 ? (
        <section aria-labelledby={`${id}-confirm`} className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id={`${id}-confirm`} className="font-semibold">Merge {plural(chosen.length, "entity", "entities")} into one</h2>
          <fieldset className="space-y-1">
            <legend className="font-medium">Name to keep</legend>
            {chosen.map((e) => (
              <label key={e.key} className="flex items-center gap-2">
                <input type="radio" name={`${id}-survivor`} value={e.key} checked={e.key === survivor.key} onChange={() => setSurvivorKey(e.key)} />
                {e.name}
              </label>
            ))}
          </fieldset>
          <ul className="list-disc space-y-1 pl-5" aria-label="What will change">
            <li>{plural(others.reduce((n, e) => n + e.claims, 0), "claim", "claims")} naming {others.map((e) => `“${e.name}”`).join(", ")} will name “{survivor.name}” instead, as subject or counterparty.</li>
            <li>{others.map((e) => `“${e.name}”`).join(", ")}{others.some((e) => e.aliases.length) ? " and their aliases" : ""} become aliases of “{survivor.name}”; later imports and edits that use them are saved as “{survivor.name}”.</li>
            <li>Confirmed claims move to the facts of “{survivor.name}”, whose agreement is checked again.</li>
          </ul>
          <div className="flex gap-2">
            <Button onClick={merge} disabled={pending}>{pending ? "Merging…" : `Merge into “${survivor.name}”`}</Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
          </div>
        </section>
      ) : null}

      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 bg-stone-50 text-stone-600">
            <tr>
              {mayMerge ? <th className="w-10 px-3 py-2 font-medium"><span className="sr-only">Select</span></th> : null}
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Aliases</th>
              <th className="px-3 py-2 text-right font-medium">Claims</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((e) => (
              <tr key={e.key} data-testid="entity-row" className={selected.has(e.key) ? "bg-sky-50" : undefined}>
                {mayMerge ? (
                  <td className="px-3 py-2">
                    <input type="checkbox" checked={selected.has(e.key)} onChange={() => toggle(e)} aria-label={`Select ${e.name}`}
                      className="h-4 w-4 focus-visible:outline-2 focus-visible:outline-sky-600" />
                  </td>
                ) : null}
                <td className="px-3 py-2 font-medium">{e.name}</td>
                <td className="px-3 py-2 text-stone-700">{e.aliases.length ? e.aliases.join(", ") : <span className="text-stone-500">—</span>}</td>
                <td className="px-3 py-2 text-right tabular-nums">{e.claims}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
