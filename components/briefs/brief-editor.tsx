"use client";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { createAutosaver, type Autosaver, type AutosaveState } from "@/lib/briefs/autosave";
import { commentThreads, openCount, statusAfterEdit, statusLabel, type BriefStatus } from "@/lib/briefs/workflow";
import type { BriefContent } from "@/lib/validations/briefs";
import type { BriefConflict } from "@/lib/server/commands/briefs";
import type { FactOption } from "@/lib/server/data/briefs";
import { draftBriefFromFactsAction } from "@/lib/server/actions/briefs/draft-brief-from-facts";
import { publishBriefAction } from "@/lib/server/actions/briefs/publish-brief";
import { returnBriefToDraftAction } from "@/lib/server/actions/briefs/return-brief-to-draft";
import { saveBriefAction } from "@/lib/server/actions/briefs/save-brief";
import { sendBriefForReviewAction } from "@/lib/server/actions/briefs/send-brief-for-review";
import { FactPicker } from "./fact-picker";
import { FactStateBadge } from "./fact-state-badge";
import { ReviewThread, type ReviewComment } from "./review-comments";

type Blocker = { factId: string; label: string; reason: "conflicting" | "stale" | "no_evidence" };
const blockerText: Record<Blocker["reason"], string> = {
  conflicting: "sources disagree and it is not resolved",
  stale: "its evidence changed after it was resolved",
  no_evidence: "no confirmed claim supports it",
};
type Section = BriefContent["sections"][number];
type Statement = Section["statements"][number];
type Draft = { title: string; sections: Section[] };

let counter = 0;
const newId = () => `st-${Date.now().toString(36)}-${(counter++).toString(36)}`;
const hhmm = (d: Date) => d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const statusTone = (s: BriefStatus) => (s === "published" ? "green" : s === "in_review" ? "blue" : "amber");
const asText = (d: Draft) => [d.title, ...d.sections.flatMap((s) => [s.heading, ...s.statements.map((st) => st.text)])].filter((t) => t.trim()).join("\n\n");

export function BriefEditor(props: {
  workspaceId: string; briefId: string; userId: string; initialTitle: string; initialContent: BriefContent; version: number; status: BriefStatus;
  citedFacts: FactOption[]; comments: ReviewComment[];
  mayWrite: boolean; mayPublish: boolean; mayComment: boolean; publishedVersions: number;
}) {
  const [title, setTitle] = useState(props.initialTitle);
  const [sections, setSections] = useState<Section[]>(props.initialContent.sections.length ? props.initialContent.sections : [{ id: "s1", heading: "", statements: [] }]);
  const [status, setStatus] = useState<BriefStatus>(props.status);
  const [saveState, setSaveState] = useState<AutosaveState<BriefConflict>>({ status: "saved", savedAt: null });
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [blockers, setBlockers] = useState<Blocker[]>([]);
  const [overrideNote, setOverrideNote] = useState("");
  const [changeNote, setChangeNote] = useState("");
  const [openWarning, setOpenWarning] = useState<string | null>(null);
  const [draftFrom, setDraftFrom] = useState<FactOption[]>([]);
  const [known, setKnown] = useState<Record<string, FactOption>>(() => Object.fromEntries(props.citedFacts.map((f) => [f.id, f])));
  // My text, kept on screen to copy after loading the other session's version over it.
  const [mine, setMine] = useState<string | null>(null);
  const saverRef = useRef<Autosaver<Draft, BriefConflict> | null>(null);
  // The version this page was rendered at. A later re-render (after a comment, say) may carry
  // a newer one, but the saver keeps its own: adopting it would overwrite another session.
  const initialVersion = useRef(props.version);

  useEffect(() => {
    const saver = createAutosaver<Draft, BriefConflict>({
      version: initialVersion.current,
      delayMs: 1000,
      onState: setSaveState,
      async save(draft, version) {
        const result = await saveBriefAction({ workspaceId: props.workspaceId, briefId: props.briefId, title: draft.title, content: { sections: draft.sections }, version });
        if (result.ok) {
          setStatus(result.data.status);
          return { ok: true, version: result.data.version };
        }
        const theirs = result.code === "conflict" ? (result.details?.theirs as BriefConflict | undefined) : undefined;
        return theirs ? { ok: false, conflict: theirs } : { ok: false, error: result.message };
      },
    });
    saverRef.current = saver;
    return () => saver.dispose();
  }, [props.workspaceId, props.briefId]);

  // Unsaved work is never left silently: the browser asks before closing or reloading, and a
  // link inside the app asks too.
  useEffect(() => {
    const unsafe = () => {
      const saver = saverRef.current;
      return !!saver && (saver.dirty || saver.state.status === "saving" || saver.state.status === "error" || saver.state.status === "conflict");
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!unsafe()) return;
      void saverRef.current?.flush();
      e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || link.getAttribute("target") === "_blank") return;
      if (unsafe() && !window.confirm("This brief has changes that are not saved yet. Leave anyway?")) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, []);

  const section = sections[0]!;
  const allStatements = (props.mayWrite ? sections : props.initialContent.sections).flatMap((s) => s.statements);
  const threads = commentThreads(allStatements.map((s) => s.id), props.comments);
  const openTotal = openCount(props.comments);
  const saver = () => saverRef.current!;

  function commit(next: Draft) {
    setTitle(next.title);
    setSections(next.sections);
    setNotice(null);
    saverRef.current?.change(next);
  }
  const setStatements = (statements: Statement[]) => commit({ title, sections: [{ ...section, statements }, ...sections.slice(1)] });
  const edit = (id: string, patch: Partial<Statement>) => setStatements(section.statements.map((s) => (s.id === id ? { ...s, ...patch } : s)));

  /** Saves whatever is pending first; false (with a message) when it could not. */
  async function saved(): Promise<boolean> {
    if (await saver().flush()) return true;
    setNotice({ tone: "error", text: "Your latest changes are not saved yet: sort out the save first (see above the title)." });
    return false;
  }

  async function transition(action: typeof sendBriefForReviewAction, done: string) {
    setPending(true);
    setNotice(null);
    if (!(await saved())) return setPending(false);
    const result = await action({ workspaceId: props.workspaceId, briefId: props.briefId, version: saver().version });
    setPending(false);
    if (!result.ok) return setNotice({ tone: "error", text: result.message });
    saver().setVersion(result.data.version);
    setStatus(result.data.status);
    setNotice({ tone: "success", text: done });
  }

  async function autoDraft() {
    setPending(true);
    setNotice(null);
    if (!(await saved())) return setPending(false);
    const result = await draftBriefFromFactsAction({ workspaceId: props.workspaceId, briefId: props.briefId, version: saver().version, factIds: draftFrom.map((f) => f.id) });
    setPending(false);
    if (!result.ok) return setNotice({ tone: "error", text: result.message });
    setKnown((k) => ({ ...k, ...Object.fromEntries(draftFrom.map((f) => [f.id, f])) }));
    setSections(result.data.content.sections);
    saver().acceptTheirs(result.data.version);
    setStatus((s) => statusAfterEdit(s));
    setDraftFrom([]);
    setNotice({ tone: "success", text: `Drafted ${result.data.added} statement${result.data.added === 1 ? "" : "s"}${result.data.skipped ? `; ${result.data.skipped} fact${result.data.skipped === 1 ? " has" : "s have"} no settled value` : ""}. Edit them as you like.` });
  }

  async function publish(opts: { withNote?: boolean; confirmComments?: boolean }) {
    setPending(true);
    setNotice(null);
    if (!(await saved())) return setPending(false);
    const current = saver().version;
    const result = await publishBriefAction({
      workspaceId: props.workspaceId, briefId: props.briefId, version: current,
      ...(opts.withNote ? { overrideNote } : {}), ...(changeNote.trim() ? { changeNote } : {}),
      confirmOpenComments: opts.confirmComments ?? false,
    });
    setPending(false);
    if (!result.ok) {
      const held = (result.details?.blockers as Blocker[] | undefined) ?? [];
      if (held.length) setBlockers(held);
      if (typeof result.details?.openComments === "number") setOpenWarning(result.message);
      return setNotice({ tone: "error", text: result.message });
    }
    saver().setVersion(current + 1);
    setStatus("published");
    setBlockers([]);
    setOpenWarning(null);
    setOverrideNote("");
    setChangeNote("");
    setNotice({ tone: "success", text: `Published version ${result.data.number}${result.data.overridden ? ", with your note to readers" : ""}.` });
  }

  function loadTheirs(theirs: BriefConflict) {
    setMine(asText({ title, sections }));
    setTitle(theirs.title);
    setSections(theirs.content.sections.length ? theirs.content.sections : [{ id: "s1", heading: "", statements: [] }]);
    setStatus(theirs.status);
    saver().acceptTheirs(theirs.version);
  }

  const confirmedComments = openWarning != null;
  const citations = (s: Statement, editable: boolean) =>
    s.factIds.length ? (
      <ul className="flex flex-wrap gap-2" aria-label="Cited facts">
        {s.factIds.map((id) => {
          const f = known[id];
          return (
            <li key={id} data-testid="cited-fact" className="inline-flex flex-wrap items-center gap-1 rounded-md bg-stone-100 px-2 py-1 text-xs">
              <span>{f ? `${f.label}: ${f.value}` : "A cited fact"}</span>
              {f ? <FactStateBadge state={f.state} stale={f.stale} /> : null}
              {editable ? (
                <button type="button" className="ml-1 rounded px-1 text-stone-600 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-sky-600"
                  aria-label={`Remove citation: ${f?.label ?? "fact"}`} onClick={() => edit(s.id, { factIds: s.factIds.filter((x) => x !== id) })}>×</button>
              ) : null}
            </li>
          );
        })}
      </ul>
    ) : null;

  const thread = (s: Statement, n: number) => (
    <ReviewThread workspaceId={props.workspaceId} briefId={props.briefId} statementId={s.id} statementLabel={`statement ${n}`}
      comments={threads.byStatement.get(s.id) ?? []} mayComment={props.mayComment && shownStatus === "in_review"} mayResolveAny={props.mayWrite} userId={props.userId} />
  );
  const openBadge = (s: Statement) => {
    const open = openCount(threads.byStatement.get(s.id) ?? []);
    return open ? <span data-testid="open-comments"><Badge tone="amber">{open} open comment{open === 1 ? "" : "s"}</Badge></span> : null;
  };
  const removedThreads = threads.removed.length ? (
    <section aria-label="Comments on removed statements" className="space-y-3 rounded-md border border-stone-200 p-3">
      <h2 className="text-sm font-semibold">Comments on removed statements</h2>
      {threads.removed.map((r) => (
        <ReviewThread key={r.statementId} workspaceId={props.workspaceId} briefId={props.briefId} statementId={r.statementId} statementLabel="a removed statement"
          comments={r.comments} mayComment={false} mayResolveAny={props.mayWrite} userId={props.userId} removed />
      ))}
    </section>
  ) : null;
  const shownStatus = props.mayWrite ? status : props.status;
  const statusLine = (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Badge tone={statusTone(shownStatus)}>{statusLabel[shownStatus]}</Badge>
      {openTotal ? <span className="text-stone-600">{openTotal} open review comment{openTotal === 1 ? "" : "s"}</span> : null}
    </div>
  );

  if (!props.mayWrite) {
    // Readers and reviewers see the page as rendered, so a refresh after a comment shows the latest text.
    const shown = props.initialContent.sections;
    const firstNumber = shown.map((_, i) => shown.slice(0, i).reduce((sum, sec) => sum + sec.statements.length, 1));
    return (
      <article aria-label="Brief" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        {statusLine}
        <h1 className="font-serif text-2xl font-semibold">{props.initialTitle}</h1>
        {props.mayComment && props.status !== "in_review" ? <p className="text-sm text-stone-600">Comments open when an editor sends the brief for review.</p> : null}
        {shown.map((sec, si) => (
          <div key={sec.id} className="space-y-3">
            {sec.heading ? <h2 className="font-semibold">{sec.heading}</h2> : null}
            <ol className="space-y-3">
              {sec.statements.map((s, i) => {
                const n = firstNumber[si]! + i;
                return (
                  <li key={s.id} data-testid="statement" className="grid gap-3 rounded-md border border-stone-200 p-3 md:grid-cols-[minmax(0,1fr)_18rem]">
                    <div className="space-y-2">
                      <p className="flex flex-wrap items-center gap-2 text-xs font-medium text-stone-600">Statement {n} {openBadge(s)}</p>
                      <p>{s.text}</p>
                      {citations(s, false)}
                    </div>
                    {thread(s, n)}
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
        {removedThreads}
      </article>
    );
  }

  const state = saveState;
  return (
    <section aria-label="Brief editor" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
      onBlur={(e) => { if ((e.target as Element).matches("input, textarea")) void saverRef.current?.flush(); }}>
      <h1 className="sr-only">Edit brief: {title}</h1>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {statusLine}
        <p role="status" aria-live="polite" data-testid="save-state" className="text-sm text-stone-600">
          {state.status === "saving" ? "Saving…"
            : state.status === "unsaved" ? "Unsaved changes"
            : state.status === "error" ? <span className="text-red-700">Save failed</span>
            : state.status === "conflict" ? <span className="text-red-700">Not saved: changed elsewhere</span>
            : state.savedAt ? `Saved at ${hhmm(state.savedAt)}` : "All changes saved"}
        </p>
      </div>
      {state.status === "error" ? (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          <span>Save failed: {state.message}</span>
          <Button variant="secondary" onClick={() => void saver().retry()}>Retry</Button>
        </div>
      ) : null}
      {state.status === "conflict" ? (
        <div role="alert" data-testid="save-conflict" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-300">
          <p className="font-medium">
            This brief was changed by {state.conflict.changedBy} at <time dateTime={state.conflict.changedAt}>{hhmm(new Date(state.conflict.changedAt))}</time>.
          </p>
          <p>Your changes are not saved. Load their version (your text stays here for you to copy), or overwrite theirs with yours.</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => loadTheirs(state.conflict)}>Load their version</Button>
            <Button variant="danger" onClick={() => void saver().overwrite(state.conflict.version)}>Overwrite with mine</Button>
          </div>
        </div>
      ) : null}
      {mine != null ? (
        <div className="space-y-2 rounded-md border border-stone-300 bg-stone-50 p-3 text-sm" data-testid="my-unsaved-text">
          <Field label="Your text, not saved: copy what you need" htmlFor="my-unsaved-text">
            <Textarea id="my-unsaved-text" readOnly rows={6} value={mine} />
          </Field>
          <Button variant="ghost" onClick={() => setMine(null)}>Dismiss</Button>
        </div>
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Field label="Title" htmlFor="brief-title"><Input id="brief-title" value={title} onChange={(e) => commit({ title: e.target.value, sections })} /></Field>
      <ol className="space-y-4">
        {section.statements.map((s, i) => (
          <li key={s.id} className="grid gap-3 rounded-md border border-stone-200 p-3 md:grid-cols-[minmax(0,1fr)_18rem]" data-testid="statement">
            <div className="min-w-0 space-y-2">
              <div className="flex flex-wrap items-center gap-2">{openBadge(s)}</div>
              <Field label={`Statement ${i + 1}`} htmlFor={`statement-${s.id}`}>
                <Textarea id={`statement-${s.id}`} rows={2} value={s.text} onChange={(e) => edit(s.id, { text: e.target.value })} />
              </Field>
              {citations(s, true)}
              <FactPicker workspaceId={props.workspaceId} label={`Cite a fact in statement ${i + 1}`} exclude={s.factIds}
                onPick={(f) => { setKnown((k) => ({ ...k, [f.id]: f })); edit(s.id, { factIds: [...s.factIds, f.id] }); }} />
              <Button variant="ghost" onClick={() => setStatements(section.statements.filter((x) => x.id !== s.id))}>Remove statement {i + 1}</Button>
            </div>
            {thread(s, i + 1)}
          </li>
        ))}
      </ol>
      {removedThreads}
      <details className="rounded-md border border-stone-200 p-3 text-sm" data-testid="auto-draft">
        <summary className="cursor-pointer font-medium">Draft statements from facts</summary>
        <p className="mt-1 text-stone-600">One sentence per chosen fact, from its accepted value or timeline of values, citing it. Facts with an open conflict get no sentence.</p>
        <div className="mt-2 space-y-2">
          <FactPicker workspaceId={props.workspaceId} label="Choose a fact to draft from" exclude={draftFrom.map((f) => f.id)} onPick={(f) => setDraftFrom((d) => [...d, f])} />
          {draftFrom.length ? (
            <ul className="flex flex-wrap gap-2" aria-label="Facts to draft from">
              {draftFrom.map((f) => (
                <li key={f.id} className="inline-flex items-center gap-1 rounded-md bg-stone-100 px-2 py-1 text-xs">
                  {f.label}: {f.value} <FactStateBadge state={f.state} stale={f.stale} />
                  <button type="button" className="ml-1 rounded px-1 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-sky-600" aria-label={`Do not draft from ${f.label}`}
                    onClick={() => setDraftFrom((d) => d.filter((x) => x.id !== f.id))}>×</button>
                </li>
              ))}
            </ul>
          ) : null}
          <Button variant="secondary" disabled={pending || draftFrom.length === 0} onClick={() => void autoDraft()}>Add a sentence per fact</Button>
        </div>
      </details>
      {props.mayPublish && props.publishedVersions > 0 ? (
        <Field label="What changed (shown to readers in the corrections log)" htmlFor="change-note" hint="Optional. The changed sentences and values are listed for readers either way.">
          <Textarea id="change-note" rows={2} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
        </Field>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setStatements([...section.statements, { id: newId(), text: "", factIds: [] }])}>Add statement</Button>
        {status !== "in_review" ? (
          <Button variant="secondary" disabled={pending} onClick={() => void transition(sendBriefForReviewAction, "Sent for review. Reviewers can now comment on each statement.")}>Send for review</Button>
        ) : (
          <Button variant="secondary" disabled={pending} onClick={() => void transition(returnBriefToDraftAction, "Back to draft. Comments are kept.")}>Back to draft</Button>
        )}
        {props.mayPublish ? <Button disabled={pending} onClick={() => void publish({ confirmComments: confirmedComments })}>Publish</Button> : null}
      </div>
      {props.mayPublish && openWarning ? (
        <section aria-label="Open review comments" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="open-comments-warning">
          <p className="text-amber-900">{openWarning}</p>
          <Button disabled={pending} onClick={() => void publish({ confirmComments: true })}>Publish with open comments</Button>
        </section>
      ) : null}
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
          <Button disabled={pending || overrideNote.trim().length < 20} onClick={() => void publish({ withNote: true, confirmComments: confirmedComments })}>Publish with this note</Button>
        </section>
      ) : null}
    </section>
  );
}
