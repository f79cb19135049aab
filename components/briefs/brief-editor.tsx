"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import type { BriefContent } from "@/lib/validations/briefs";
import { draftBriefFromFactsAction } from "@/lib/server/actions/briefs/draft-brief-from-facts";
import { publishBriefAction } from "@/lib/server/actions/briefs/publish-brief";
import { saveBriefAction } from "@/lib/server/actions/briefs/save-brief";

type FactOption = { id: string; label: string; state: string };
type Blocker = { factId: string; label: string; reason: "conflicting" | "stale" | "no_evidence" };
const blockerText: Record<Blocker["reason"], string> = {
  conflicting: "sources disagree and it is not resolved",
  stale: "its evidence changed after it was resolved",
  no_evidence: "no confirmed claim supports it",
};
type Statement = BriefContent["sections"][number]["statements"][number];

let counter = 0;
const newId = () => `st-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function BriefEditor(props: {
  workspaceId: string; briefId: string; initialTitle: string; initialContent: BriefContent; version: number;
  facts: FactOption[]; mayWrite: boolean; mayPublish: boolean; publishedVersions: number;
}) {
  const router = useRouter();
  const [title, setTitle] = useState(props.initialTitle);
  const [sections, setSections] = useState(props.initialContent.sections.length ? props.initialContent.sections : [{ id: "s1", heading: "", statements: [] }]);
  const [version, setVersion] = useState(props.version);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [blockers, setBlockers] = useState<Blocker[]>([]);
  const [overrideNote, setOverrideNote] = useState("");
  const [changeNote, setChangeNote] = useState("");
  const [draftFrom, setDraftFrom] = useState<string[]>([]);
  const settled = props.facts.filter((f) => f.state === "resolved" || f.state === "agreed");
  const section = sections[0]!;

  const update = (statements: Statement[]) => { setSections([{ ...section, statements }, ...sections.slice(1)]); setDirty(true); };
  const edit = (id: string, patch: Partial<Statement>) => update(section.statements.map((s) => (s.id === id ? { ...s, ...patch } : s)));

  async function save(): Promise<number | null> {
    setPending(true);
    setNotice(null);
    const result = await saveBriefAction({ workspaceId: props.workspaceId, briefId: props.briefId, title, content: { sections }, version });
    setPending(false);
    if (!result.ok) { setNotice({ tone: "error", text: result.message }); return null; }
    setVersion(result.data.version);
    setDirty(false);
    setNotice({ tone: "success", text: "Draft saved." });
    return result.data.version;
  }

  async function autoDraft() {
    const current = dirty ? await save() : version;
    if (current == null) return;
    setPending(true);
    const result = await draftBriefFromFactsAction({ workspaceId: props.workspaceId, briefId: props.briefId, version: current, factIds: draftFrom });
    setPending(false);
    if (!result.ok) return setNotice({ tone: "error", text: result.message });
    setSections(result.data.content.sections);
    setVersion(result.data.version);
    setDirty(false);
    setDraftFrom([]);
    setNotice({ tone: "success", text: `Drafted ${result.data.added} statement${result.data.added === 1 ? "" : "s"}${result.data.skipped ? `; ${result.data.skipped} fact${result.data.skipped === 1 ? " has" : "s have"} no settled value` : ""}. Edit them as you like.` });
  }

  async function publish(withNote: boolean) {
    const current = dirty ? await save() : version;
    if (current == null) return;
    setPending(true);
    const result = await publishBriefAction({
      workspaceId: props.workspaceId, briefId: props.briefId, version: current,
      ...(withNote ? { overrideNote } : {}), ...(changeNote.trim() ? { changeNote } : {}),
    });
    setPending(false);
    if (!result.ok) {
      const held = (result.details?.blockers as Blocker[] | undefined) ?? [];
      if (held.length) setBlockers(held);
      return setNotice({ tone: "error", text: result.message });
    }
    setVersion(current + 1);
    setBlockers([]);
    setOverrideNote("");
    setChangeNote("");
    setNotice({ tone: "success", text: `Published version ${result.data.number}${result.data.overridden ? ", with your note to readers" : ""}.` });
    router.refresh();
  }

  if (!props.mayWrite) {
    return (
      <article className="space-y-3 rounded-lg border border-stone-200 bg-white p-5">
        <h1 className="font-serif text-2xl font-semibold">{title}</h1>
        {section.statements.map((s) => <p key={s.id}>{s.text}</p>)}
      </article>
    );
  }

  return (
    <section aria-label="Brief editor" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Field label="Title" htmlFor="brief-title"><Input id="brief-title" value={title} onChange={(e) => { setTitle(e.target.value); setDirty(true); }} /></Field>
      <ol className="space-y-4">
        {section.statements.map((s, i) => (
          <li key={s.id} className="space-y-2 rounded-md border border-stone-200 p-3" data-testid="statement">
            <Field label={`Statement ${i + 1}`} htmlFor={`statement-${s.id}`}>
              <Textarea id={`statement-${s.id}`} rows={2} value={s.text} onChange={(e) => edit(s.id, { text: e.target.value })} />
            </Field>
            <fieldset className="text-sm">
              <legend className="font-medium">Cites facts</legend>
              {props.facts.length === 0 ? <p className="text-stone-500">No facts yet: confirm claims first.</p> : null}
              <div className="mt-1 max-h-40 space-y-1 overflow-y-auto">
                {props.facts.map((f) => (
                  <label key={f.id} className="flex items-start gap-2">
                    <input type="checkbox" className="mt-1" checked={s.factIds.includes(f.id)}
                      onChange={(e) => edit(s.id, { factIds: e.target.checked ? [...s.factIds, f.id] : s.factIds.filter((x) => x !== f.id) })} />
                    <span>{f.label} <span className="text-stone-500">({f.state})</span></span>
                  </label>
                ))}
              </div>
            </fieldset>
            <Button variant="ghost" onClick={() => update(section.statements.filter((x) => x.id !== s.id))}>Remove statement</Button>
          </li>
        ))}
      </ol>
      {settled.length ? (
        <details className="rounded-md border border-stone-200 p-3 text-sm" data-testid="auto-draft">
          <summary className="cursor-pointer font-medium">Draft statements from facts</summary>
          <p className="mt-1 text-stone-600">One sentence per chosen fact, from its accepted value, citing it. Facts with an open conflict are not offered.</p>
          <div className="mt-2 max-h-48 space-y-1 overflow-y-auto">
            {settled.map((f) => (
              <label key={f.id} className="flex items-start gap-2">
                <input type="checkbox" className="mt-1" checked={draftFrom.includes(f.id)}
                  onChange={(e) => setDraftFrom(e.target.checked ? [...draftFrom, f.id] : draftFrom.filter((x) => x !== f.id))} />
                <span>{f.label}</span>
              </label>
            ))}
          </div>
          <Button className="mt-2" variant="secondary" disabled={pending || draftFrom.length === 0} onClick={() => void autoDraft()}>Add a sentence per fact</Button>
        </details>
      ) : null}
      {props.mayPublish && props.publishedVersions > 0 ? (
        <Field label="What changed (shown to readers in the corrections log)" htmlFor="change-note" hint="Optional. The changed sentences and values are listed for readers either way.">
          <Textarea id="change-note" rows={2} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
        </Field>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => update([...section.statements, { id: newId(), text: "", factIds: [] }])}>Add statement</Button>
        <Button variant="secondary" disabled={pending || !dirty} onClick={() => void save()}>{dirty ? "Save draft" : "Saved"}</Button>
        {props.mayPublish ? <Button disabled={pending} onClick={() => void publish(false)}>Publish</Button> : null}
      </div>
      {props.mayPublish && blockers.length ? (
        <section aria-label="Publishing held back" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="publish-blockers">
          <p className="font-medium text-amber-900">Publishing is held back by these cited facts:</p>
          <ul className="list-disc pl-5 text-amber-900">
            {blockers.map((b) => <li key={b.factId}>{b.label}: {blockerText[b.reason]}</li>)}
          </ul>
          <p>Resolve them on the facts page, or publish anyway with a note. Readers see the note at the top of the brief.</p>
          <Field label="Note to readers" htmlFor="override-note" hint="At least 20 characters: say why the figures can be relied on, or what is still open.">
            <Textarea id="override-note" rows={3} value={overrideNote} onChange={(e) => setOverrideNote(e.target.value)} />
          </Field>
          <Button disabled={pending || overrideNote.trim().length < 20} onClick={() => void publish(true)}>Publish with this note</Button>
        </section>
      ) : null}
    </section>
  );
}
