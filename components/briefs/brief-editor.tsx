"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import type { BriefContent } from "@/lib/validations/briefs";
import { publishBriefAction } from "@/lib/server/actions/briefs/publish-brief";
import { saveBriefAction } from "@/lib/server/actions/briefs/save-brief";

type FactOption = { id: string; label: string; state: string };
type Statement = BriefContent["sections"][number]["statements"][number];

let counter = 0;
const newId = () => `st-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function BriefEditor(props: {
  workspaceId: string; briefId: string; initialTitle: string; initialContent: BriefContent; version: number;
  facts: FactOption[]; mayWrite: boolean; mayPublish: boolean;
}) {
  const router = useRouter();
  const [title, setTitle] = useState(props.initialTitle);
  const [sections, setSections] = useState(props.initialContent.sections.length ? props.initialContent.sections : [{ id: "s1", heading: "", statements: [] }]);
  const [version, setVersion] = useState(props.version);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
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

  async function publish() {
    const current = dirty ? await save() : version;
    if (current == null) return;
    setPending(true);
    const result = await publishBriefAction({ workspaceId: props.workspaceId, briefId: props.briefId, version: current });
    setPending(false);
    if (!result.ok) return setNotice({ tone: "error", text: result.message });
    setVersion(current + 1);
    setNotice({ tone: "success", text: `Published version ${result.data.number}.` });
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
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => update([...section.statements, { id: newId(), text: "", factIds: [] }])}>Add statement</Button>
        <Button variant="secondary" disabled={pending || !dirty} onClick={() => void save()}>{dirty ? "Save draft" : "Saved"}</Button>
        {props.mayPublish ? <Button disabled={pending} onClick={() => void publish()}>Publish</Button> : null}
      </div>
    </section>
  );
}
