"use client";
import { useId, useMemo, useState, useTransition } from "react";
import { SuggestCombobox, type ComboSuggestion } from "@/components/claims/suggest-combobox";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { humanize } from "@/lib/format";
import { addClaimAction } from "@/lib/server/actions/claims/add-claim";
import { editClaimAction } from "@/lib/server/actions/claims/edit-claim";
import { addVocabularyAttributeAction } from "@/lib/server/actions/workspaces/add-vocabulary-attribute";
import { modalities } from "@/lib/validations/claims";

/** The form's fields, all as the text the person typed ("" = not given). */
export type ClaimFormValues = {
  subject: string; attribute: string; value: string; low: string; high: string; unit: string;
  counterparty: string; modality: string; basis: string; asOf: string;
};

export type ClaimFormTarget =
  | { kind: "edit"; claimId: string; version: number }
  | { kind: "add"; articleId: string; selectionStart: number; selectionEnd: number; start: number | null; end: number | null };

/** `changed` lists the fields an edit changed (empty when saved unchanged); all of them for an added claim. */
export type ClaimFormSaved = { claimId: string; version: number; values: ClaimFormValues; changed: string[]; citationId?: string };

/** A workspace entity as the subject and counterparty fields suggest it. */
export type EntityOption = { name: string; aliases: string[]; claims: number };

const toSnake = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, "_");

const units = ["USD", "EUR", "GBP", "JPY", "CNY", "INR", "percent", "count", "date", "GW", "MW"];

/** Edits a claim, or adds one from selected words; errors are shown next to their fields. */
export function EditClaimForm({
  workspaceId, target, initial, entities, attributes, onSaved, onCancel,
}: {
  workspaceId: string;
  target: ClaimFormTarget;
  initial: ClaimFormValues;
  /** The workspace's entities, most used first. */
  entities: readonly EntityOption[];
  /** The attribute vocabulary: built-in and workspace-added. */
  attributes: readonly string[];
  onSaved: (saved: ClaimFormSaved) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [addedAttributes, setAddedAttributes] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const isRange = values.low !== "" || values.high !== "";
  const isDate = values.unit.trim() === "date";

  const set = (key: keyof ClaimFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const fieldProps = (key: keyof ClaimFormValues) => ({
    id: `${id}-${key}`, name: key, value: values[key], onChange: set(key),
    "aria-invalid": errors[key] ? true : undefined,
  });

  const entitySuggestions = useMemo<ComboSuggestion[]>(() => entities.map((e) => ({
    value: e.name, label: e.name, keywords: e.aliases,
    detail: [e.aliases.length ? `also ${e.aliases.join(", ")}` : null, `${e.claims} ${e.claims === 1 ? "claim" : "claims"}`].filter(Boolean).join(" · "),
  })), [entities]);
  const vocabulary = useMemo(() => [...new Set([...attributes, ...addedAttributes])].sort(), [attributes, addedAttributes]);
  const attributeSuggestions = useMemo<ComboSuggestion[]>(() => vocabulary.map((a) => ({ value: a, label: humanize(a), detail: a })), [vocabulary]);

  const isKnownEntity = (typed: string) => {
    const t = typed.toLowerCase();
    return entities.some((e) => e.name.toLowerCase() === t || e.aliases.some((a) => a.toLowerCase() === t));
  };
  // Choosing “Create” keeps the typed name: the claim's subject becomes a new entity when saved.
  const createEntity = (key: "subject" | "counterparty") => (typed: string) =>
    isKnownEntity(typed) ? null : { label: `Create “${typed}”`, onSelect: () => { setValues((v) => ({ ...v, [key]: typed })); setNotice(`“${typed}” will be a new entity once you save.`); } };

  function addToVocabulary(attribute: string) {
    setErrors((e) => ({ ...e, attribute: "" }));
    setNotice(null);
    startTransition(async () => {
      const result = await addVocabularyAttributeAction({ workspaceId, attribute });
      if (!result.ok) return setErrors((e) => ({ ...e, attribute: result.message }));
      setAddedAttributes((a) => [...a, result.data.attribute]);
      setValues((v) => ({ ...v, attribute: result.data.attribute }));
      setNotice(`Added “${result.data.attribute}” to the workspace's vocabulary.`);
    });
  }
  const extendVocabulary = (typed: string) => {
    const attribute = toSnake(typed);
    return vocabulary.includes(attribute) ? null : { label: `Add “${attribute}” to the vocabulary`, onSelect: () => addToVocabulary(attribute) };
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    startTransition(async () => {
      const result = target.kind === "edit"
        ? await editClaimAction({ workspaceId, claimId: target.claimId, version: target.version, ...values })
        : await addClaimAction({ workspaceId, ...target, ...values });
      if (result.ok) {
        onSaved({
          claimId: result.data.claimId, version: result.data.version, values,
          changed: "changed" in result.data ? result.data.changed : Object.keys(values),
          citationId: "citationId" in result.data ? result.data.citationId : undefined,
        });
        return;
      }
      const fields = (result.details as { fields?: Record<string, string> } | undefined)?.fields;
      if (result.code === "invalid_input" && fields && Object.keys(fields).some((k) => k in values)) setErrors(fields);
      else setMessage(result.message);
    });
  }

  const title = target.kind === "edit" ? "Edit claim" : "Add a claim from the selection";
  return (
    <form onSubmit={submit} aria-label={title} className="space-y-3 rounded-lg border border-sky-300 bg-sky-50/40 p-3" noValidate>
      <p className="text-sm font-semibold">{title}</p>
      {message ? <Alert>{message}</Alert> : null}
      <p className="text-xs text-stone-600" role="status">{notice}</p>
      <Field label="Subject" htmlFor={`${id}-subject`} error={errors.subject} hint="Who or what the figure is about: pick an entity or create one.">
        <SuggestCombobox id={`${id}-subject`} name="subject" value={values.subject} onValueChange={(subject) => setValues((v) => ({ ...v, subject }))}
          suggestions={entitySuggestions} extra={createEntity("subject")} invalid={!!errors.subject} required />
      </Field>
      <Field label="Attribute" htmlFor={`${id}-attribute`} error={errors.attribute} hint="What it measures, e.g. funding_round_size; new ones can be added to the vocabulary.">
        <SuggestCombobox id={`${id}-attribute`} name="attribute" value={values.attribute} onValueChange={(attribute) => setValues((v) => ({ ...v, attribute }))}
          suggestions={attributeSuggestions} extra={extendVocabulary} invalid={!!errors.attribute} required />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        {isRange ? (
          <>
            <Field label="Low" htmlFor={`${id}-low`} error={errors.low}><Input {...fieldProps("low")} inputMode={isDate ? undefined : "decimal"} placeholder={isDate ? "2026-02-27" : "100000000000"} /></Field>
            <Field label="High" htmlFor={`${id}-high`} error={errors.high}><Input {...fieldProps("high")} inputMode={isDate ? undefined : "decimal"} placeholder={isDate ? "2026-03-31" : "120000000000"} /></Field>
          </>
        ) : (
          <Field label="Value" htmlFor={`${id}-value`} error={errors.value} hint={isDate ? "A date like 2026-02-27." : "Exact, in units: 122000000000 or 1.5."}>
            <Input {...fieldProps("value")} inputMode={isDate ? undefined : "decimal"} />
          </Field>
        )}
        <Field label="Unit" htmlFor={`${id}-unit`} error={errors.unit}>
          <Input {...fieldProps("unit")} list={`${id}-units`} autoComplete="off" required />
          <datalist id={`${id}-units`}>{units.map((u) => <option key={u} value={u} />)}</datalist>
        </Field>
      </div>
      {!isRange && errors.high ? <p className="text-xs text-red-700" role="alert">{errors.high}</p> : null}
      <Button type="button" variant="ghost" className="px-0 text-xs"
        onClick={() => setValues((v) => (isRange ? { ...v, value: v.low || v.high, low: "", high: "" } : { ...v, low: v.value, high: v.value, value: "" }))}>
        {isRange ? "Use a single value" : "Use a range (low – high)"}
      </Button>
      <Field label="Counterparty" htmlFor={`${id}-counterparty`} error={errors.counterparty} hint="Optional: the investor, buyer or other party.">
        <SuggestCombobox id={`${id}-counterparty`} name="counterparty" value={values.counterparty} onValueChange={(counterparty) => setValues((v) => ({ ...v, counterparty }))}
          suggestions={entitySuggestions} extra={createEntity("counterparty")} invalid={!!errors.counterparty} />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label="Modality" htmlFor={`${id}-modality`} error={errors.modality}>
          <Select {...fieldProps("modality")}>
            <option value="">—</option>
            {modalities.map((m) => <option key={m} value={m}>{m.replace("_", " ")}</option>)}
          </Select>
        </Field>
        <Field label="Basis" htmlFor={`${id}-basis`} error={errors.basis} hint="e.g. post_money">
          <Input {...fieldProps("basis")} autoComplete="off" />
        </Field>
      </div>
      <Field label="As of" htmlFor={`${id}-asOf`} error={errors.asOf} hint="Optional date, like 2026-02-27.">
        <Input {...fieldProps("asOf")} placeholder="YYYY-MM-DD" autoComplete="off" />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : target.kind === "edit" ? "Save changes" : "Add claim"}</Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>
      </div>
    </form>
  );
}
