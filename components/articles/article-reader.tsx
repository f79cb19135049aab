"use client";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { CiteClaimPanel, type CitedHere } from "@/components/articles/cite-claim-panel";
import { CitationList, type ClaimCitation } from "@/components/claims/citation-list";
import { EditClaimForm, type ClaimFormSaved, type ClaimFormTarget, type ClaimFormValues, type EntityOption } from "@/components/claims/edit-claim-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatValue, humanize } from "@/lib/format";
import { segmentText } from "@/lib/highlight";
import { decideClaimAction } from "@/lib/server/actions/claims/decide-claim";
import { suggestFromSelectionAction } from "@/lib/server/actions/claims/suggest-from-selection";

export type ReaderClaim = {
  id: string; subject: string; attribute: string; value: string | null; low: string | null; high: string | null; unit: string;
  valueText: string; counterparty: string | null; modality: string | null; basis: string | null; asOf: string | null; start: number; end: number;
  status: "suggested" | "confirmed" | "rejected"; version: number; confidence: number; edited: boolean;
  citations: ClaimCitation[];
};

export type { CitedHere };

type Selected = { start: number; end: number; top: number; left: number };
type Form = { target: ClaimFormTarget; initial: ClaimFormValues } | { target: { kind: "cite"; start: number; end: number } };

const formValues = (c: ReaderClaim): ClaimFormValues => ({
  subject: c.subject, attribute: c.attribute, value: c.value ?? "", low: c.low ?? "", high: c.high ?? "", unit: c.unit,
  counterparty: c.counterparty ?? "", modality: c.modality ?? "", basis: c.basis ?? "", asOf: c.asOf ?? "",
});
const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/**
 * The article-text offset of a DOM position inside the reader: each rendered segment carries
 * the offset it starts at (data-start), and a text node's offset counts from there.
 */
function textOffset(root: HTMLElement, node: Node, offset: number, length: number): number | null {
  if (!root.contains(node)) return null;
  if (node === root) {
    const child = root.children[offset] as HTMLElement | undefined;
    return child?.dataset.start != null ? Number(child.dataset.start) : length;
  }
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
  const segment = element?.closest<HTMLElement>("[data-start]");
  if (!segment || !root.contains(segment)) return null;
  const start = Number(segment.dataset.start);
  if (node.nodeType === Node.TEXT_NODE) return start + offset;
  // An element position: before its offset-th child, in a segment that holds one text node.
  return offset === 0 ? start : start + (segment.textContent?.length ?? 0);
}

const statusTone = { suggested: "amber", confirmed: "green", rejected: "neutral" } as const;

export function ArticleReader({ workspaceId, slug, articleId, articleTitle, text, claims: initial, citedHere: initialCitedHere, mayReview, entities, attributes }: {
  workspaceId: string; slug: string; articleId: string; articleTitle: string; text: string; claims: ReaderClaim[]; citedHere: CitedHere[]; mayReview: boolean;
  entities: EntityOption[]; attributes: string[];
}) {
  const [claims, setClaims] = useState(initial);
  const [citedHere, setCitedHere] = useState(initialCitedHere);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const textRef = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => segmentText(text, claims), [text, claims]);
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const [selection, setSelection] = useState<Selected | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // Words selected inside the article text (by mouse or keyboard) offer "Add claim".
  const readSelection = useCallback(() => {
    const root = textRef.current;
    const sel = window.getSelection();
    if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed || !sel.anchorNode || !sel.focusNode) return setSelection(null);
    const a = textOffset(root, sel.anchorNode, sel.anchorOffset, text.length);
    const b = textOffset(root, sel.focusNode, sel.focusOffset, text.length);
    if (a == null || b == null) return setSelection(null);
    let start = Math.min(a, b);
    let end = Math.max(a, b);
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (start >= end) return setSelection(null);
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    const box = root.getBoundingClientRect();
    setSelection({ start, end, top: rect.bottom - box.top + 4, left: Math.max(0, Math.min(rect.left - box.left, box.width - 340)) });
  }, [text]);

  useEffect(() => {
    if (!mayReview) return;
    document.addEventListener("selectionchange", readSelection);
    return () => document.removeEventListener("selectionchange", readSelection);
  }, [mayReview, readSelection]);

  function openEdit(c: ReaderClaim) {
    setMessage(null);
    setForm({ target: { kind: "edit", claimId: c.id, version: c.version }, initial: formValues(c) });
  }

  function openAdd(span: Selected) {
    setMessage(null);
    setSuggesting(true);
    startTransition(async () => {
      const result = await suggestFromSelectionAction({ workspaceId, articleId, selectionStart: span.start, selectionEnd: span.end });
      setSuggesting(false);
      if (!result.ok) return setMessage(result.message);
      const { start, end, ...values } = result.data;
      setForm({ target: { kind: "add", articleId, selectionStart: span.start, selectionEnd: span.end, start, end }, initial: values });
      setSelection(null);
    });
  }

  function openCite(span: Selected) {
    setMessage(null);
    setForm({ target: { kind: "cite", start: span.start, end: span.end } });
    setSelection(null);
  }

  function cited(c: CitedHere) {
    const citation: ClaimCitation = { id: c.citationId, articleId, articleTitle, exact: c.exact, orphaned: false };
    if (c.claimArticleId === articleId) setClaims((all) => all.map((x) => (x.id === c.claimId ? { ...x, citations: [...x.citations, citation] } : x)));
    else setCitedHere((all) => [...all, c]);
    setForm(null);
    setMessage(null);
    setNotice(`Cited for ${c.subject} · ${humanize(c.attribute)} (${c.valueText}).`);
  }

  function citationRemoved(claimId: string, citationId: string) {
    setClaims((all) => all.map((x) => (x.id === claimId ? { ...x, citations: x.citations.filter((q) => q.id !== citationId) } : x)));
  }

  function saved(target: ClaimFormTarget, { claimId, version, values, changed, citationId }: ClaimFormSaved) {
    const fields = {
      subject: values.subject.trim(), attribute: values.attribute.trim(), value: orNull(values.value), low: orNull(values.low), high: orNull(values.high),
      unit: values.unit.trim(), counterparty: orNull(values.counterparty), modality: orNull(values.modality), basis: orNull(values.basis), asOf: orNull(values.asOf),
    };
    if (target.kind === "edit") {
      setClaims((all) => all.map((c) => (c.id === claimId ? { ...c, ...fields, version, edited: c.edited || changed.length > 0 } : c)));
    } else {
      const start = target.start ?? target.selectionStart;
      const end = target.end ?? target.selectionEnd;
      const citation: ClaimCitation = { id: citationId ?? `new-${claimId}`, articleId, articleTitle, exact: text.slice(target.selectionStart, target.selectionEnd), orphaned: false };
      const added: ReaderClaim = { id: claimId, ...fields, valueText: text.slice(start, end), start, end, status: "confirmed", version, confidence: 1, edited: false, citations: [citation] };
      setClaims((all) => [...all, added].sort((x, y) => x.start - y.start));
      setSelected(claimId);
    }
    setForm(null);
  }

  function select(id: string, scroll: boolean) {
    setSelected(id);
    if (scroll) textRef.current?.querySelector(`[data-claim="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function decide(claim: ReaderClaim, decision: "confirm" | "reject") {
    const before = claim;
    // Optimistic: show the decision at once, roll back with a message if the server refuses.
    setClaims((all) => all.map((c) => (c.id === claim.id ? { ...c, status: decision === "confirm" ? "confirmed" : "rejected" } : c)));
    setMessage(null);
    startTransition(async () => {
      const result = await decideClaimAction({ workspaceId, claimId: claim.id, decision, version: claim.version });
      if (result.ok) {
        setClaims((all) => all.map((c) => (c.id === claim.id ? { ...c, status: result.data.status as ReaderClaim["status"], version: result.data.version } : c)));
        return;
      }
      const current = result.details as { status?: ReaderClaim["status"]; version?: number } | undefined;
      setClaims((all) => all.map((c) => (c.id === claim.id ? { ...before, ...(current?.status && current.version ? { status: current.status, version: current.version } : {}) } : c)));
      setMessage(result.message);
    });
  }

  const counts = { suggested: 0, confirmed: 0, rejected: 0 };
  for (const c of claims) counts[c.status]++;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="relative">
      <article ref={textRef} aria-label="Article text" className="whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-5 font-serif text-[1.05rem] leading-relaxed">
        {segments.map((s) =>
          s.spanId ? (
            <mark key={s.start} data-start={s.start} data-claim={s.spanId} data-status={byId.get(s.spanId)?.status} data-selected={selected === s.spanId}
              onClick={() => select(s.spanId!, false)} title={byId.get(s.spanId) ? humanize(byId.get(s.spanId)!.attribute) : undefined}>
              {s.text}
            </mark>
          ) : (
            <span key={s.start} data-start={s.start}>{s.text}</span>
          ),
        )}
      </article>
      {mayReview && selection && !form ? (
        <div className="absolute z-10 flex flex-wrap gap-1" style={{ top: selection.top, left: selection.left }}>
          <Button className="shadow" disabled={suggesting} onMouseDown={(e) => e.preventDefault()} onClick={() => openAdd(selection)}>
            {suggesting ? "Reading…" : "Add claim"}
          </Button>
          <Button variant="secondary" className="shadow" disabled={suggesting} onMouseDown={(e) => e.preventDefault()} onClick={() => openCite(selection)}>
            Cite for an existing claim…
          </Button>
        </div>
      ) : null}
      </div>
      <aside aria-label="Claims in this article" className="space-y-3">
        <div className="flex flex-wrap gap-2 text-sm">
          <Badge tone="amber">{counts.suggested} suggested</Badge>
          <Badge tone="green">{counts.confirmed} confirmed</Badge>
          <Badge>{counts.rejected} rejected</Badge>
        </div>
        {message ? <Alert>{message}</Alert> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {form?.target.kind === "cite" ? (
          <CiteClaimPanel key={`cite-${form.target.start}-${form.target.end}`} workspaceId={workspaceId} articleId={articleId}
            exact={text.slice(form.target.start, form.target.end)} start={form.target.start} end={form.target.end} onCited={cited} onCancel={() => setForm(null)} />
        ) : null}
        {form?.target.kind === "add" && "initial" in form ? (
          <div className="space-y-2">
            <blockquote className="border-l-2 border-sky-600 pl-2 text-sm text-stone-700">“{text.slice(form.target.selectionStart, form.target.selectionEnd)}”</blockquote>
            <EditClaimForm key={`add-${form.target.selectionStart}-${form.target.selectionEnd}`} workspaceId={workspaceId} target={form.target} initial={form.initial}
              entities={entities} attributes={attributes} onSaved={(s) => saved(form.target as ClaimFormTarget, s)} onCancel={() => setForm(null)} />
          </div>
        ) : null}
        {claims.length === 0 ? <p className="text-sm text-stone-600">The extractor found no figures in this article.</p> : null}
        <ol className="space-y-2">
          {claims.map((c) => (
            <li key={c.id} data-testid="claim" data-claim-id={c.id}
              className={`rounded-lg border bg-white p-3 text-sm ${selected === c.id ? "border-sky-600 ring-1 ring-sky-600" : "border-stone-200"}`}>
              <button type="button" className="w-full text-left" onClick={() => select(c.id, true)} aria-label={`Show “${c.valueText}” in the text`}>
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium">{c.subject} · {humanize(c.attribute)}</span>
                  <span className="flex gap-1">
                    {c.edited ? <Badge>edited</Badge> : null}
                    <Badge tone={statusTone[c.status]}>{c.status}</Badge>
                  </span>
                </div>
                <div className="mt-1 text-base font-semibold">{formatValue(c)}</div>
                <div className="mt-1 text-stone-600">
                  “{c.valueText}”
                  {[c.counterparty && `from ${c.counterparty}`, c.modality?.replace("_", " "), c.basis?.replace("_", "-")].filter(Boolean).map((q) => ` · ${q}`)}
                </div>
              </button>
              {mayReview ? (
                <div className="mt-2 flex gap-2">
                  <Button variant="secondary" disabled={pending || c.status === "confirmed"} onClick={() => decide(c, "confirm")}
                    aria-label={`Confirm ${c.subject} ${humanize(c.attribute)} ${c.valueText}`}>Confirm</Button>
                  <Button variant="danger" disabled={pending || c.status === "rejected"} onClick={() => decide(c, "reject")}
                    aria-label={`Reject ${c.subject} ${humanize(c.attribute)} ${c.valueText}`}>Reject</Button>
                  <Button variant="ghost" disabled={pending} onClick={() => openEdit(c)} aria-expanded={form?.target.kind === "edit" && form.target.claimId === c.id}
                    aria-label={`Edit ${c.subject} ${humanize(c.attribute)} ${c.valueText}`}>Edit</Button>
                </div>
              ) : null}
              {/* A claim's one quote from this article is its highlight; the list shows once there is more, or on selection. */}
              {c.citations.length > 1 || c.citations.some((q) => q.articleId !== articleId) || selected === c.id || (form?.target.kind === "edit" && form.target.claimId === c.id) ? (
                <CitationList workspaceId={workspaceId} slug={slug} citations={c.citations} currentArticleId={articleId} mayEdit={mayReview}
                  onRemoved={(citationId) => citationRemoved(c.id, citationId)} />
              ) : null}
              {form?.target.kind === "edit" && "initial" in form && form.target.claimId === c.id ? (
                <div className="mt-3">
                  <EditClaimForm key={`edit-${c.id}-${c.version}`} workspaceId={workspaceId} target={form.target} initial={form.initial}
                    entities={entities} attributes={attributes} onSaved={(s) => saved(form.target as ClaimFormTarget, s)} onCancel={() => setForm(null)} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        {citedHere.length > 0 ? (
          <section aria-labelledby="cited-here" className="space-y-2">
            <h2 id="cited-here" className="text-sm font-semibold">Also cited here for claims of other articles</h2>
            <ul className="space-y-2">
              {citedHere.map((c) => (
                <li key={c.citationId} data-testid="cited-here" className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
                  <span className="font-medium">{c.subject} · {humanize(c.attribute)}</span> <span className="text-stone-600">“{c.valueText}”</span>
                  <q className="mt-1 block text-stone-700">{c.exact}</q>
                  <Link href={`/w/${slug}/articles/${c.claimArticleId}`} className="mt-1 block text-xs text-sky-800 underline">Claim from “{c.claimArticleTitle}”</Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </aside>
    </div>
  );
}
