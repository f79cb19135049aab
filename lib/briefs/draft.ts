// Auto-draft: one plain sentence per chosen fact, built from its accepted value (and the
// figures it set aside), for the editor to rewrite. Templates for the attributes briefs use
// most; a neutral sentence for the rest.
import { formatValue, humanize } from "@/lib/format";
import { distinctValues, type ClaimValue } from "@/lib/reconcile/facts";
import { timelinePhrase, type AcceptedTimelineEntry } from "./timeline";

export type DraftFact = {
  id: string;
  subject: string;
  attribute: string;
  state: "agreed" | "conflicting" | "resolved";
  /** The accepted value, or the one value all confirmed claims give when agreed. */
  accepted: ClaimValue | null;
  counterparty: string | null;
  basis: string | null;
  /** Values of claims the resolution deprecated, for "earlier reports gave …". */
  setAside: ClaimValue[];
  /** When the editor resolved the fact to values over time: the entries, oldest first. */
  timeline?: readonly AcceptedTimelineEntry[] | null;
  /** The fact's unit, for the timeline's values. */
  unit?: string;
};

const templates: Record<string, (s: string, v: string, counterparty: string | null) => string> = {
  funding_round_size: (s, v) => `${s} raised ${v} in its funding round`,
  valuation_post_money: (s, v) => `${s} was valued at ${v} after the round`,
  valuation_pre_money: (s, v) => `${s} was valued at ${v} before the round`,
  valuation: (s, v) => `${s} was valued at ${v}`,
  investment_amount: (s, v, c) => (c ? `${c} invested ${v} in ${s}` : `${s} received an investment of ${v}`),
  revenue: (s, v) => `${s} reported revenue of ${v}`,
};

const listOr = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);

// What the timeline sentence is about: "OpenAI’s funding round", "Amazon’s investment in OpenAI".
const timelineNouns: Record<string, string> = {
  funding_round_size: "funding round",
  valuation_post_money: "post-money valuation",
  valuation_pre_money: "pre-money valuation",
  valuation: "valuation",
  revenue: "revenue",
};
const possessive = (name: string) => `${name}’${name.endsWith("s") ? "" : "s"}`;

/** "OpenAI’s funding round was announced at $2 billion in May 2026, and closed at $2.5 billion in June 2026." */
function timelineSentence(f: DraftFact, entries: readonly AcceptedTimelineEntry[]): string | null {
  const unit = f.unit ?? f.accepted?.unit ?? "";
  const phrases = entries.map((e) => timelinePhrase(e, unit)).filter((p): p is string => p != null);
  if (phrases.length === 0) return null;
  const about =
    f.attribute === "investment_amount" && f.counterparty
      ? `${possessive(f.counterparty)} investment in ${f.subject}`
      : `${possessive(f.subject)} ${timelineNouns[f.attribute] ?? humanize(f.attribute).toLowerCase()}${f.basis ? ` (${f.basis})` : ""}`;
  const joined = phrases.length === 1 ? phrases[0] : `${phrases.slice(0, -1).join(", ")}, and ${phrases.at(-1)}`;
  return `${about} ${joined}.`;
}

/** One sentence for one fact, or null when it has no value to state (conflicting, empty). */
export function draftSentence(f: DraftFact): string | null {
  if (f.state === "conflicting") return null;
  if (f.timeline?.length) return timelineSentence(f, f.timeline);
  if (!f.accepted) return null;
  const value = formatValue(f.accepted);
  if (value === "—") return null;
  const template = templates[f.attribute];
  const qualifier = [f.counterparty && f.attribute !== "investment_amount" ? f.counterparty : null, f.basis].filter(Boolean).join(", ");
  let sentence = template
    ? template(f.subject, value, f.counterparty)
    : `${f.subject}’s ${humanize(f.attribute).toLowerCase()}${qualifier ? ` (${qualifier})` : ""} was ${value}`;
  const earlier = distinctValues(f.setAside).map(formatValue).filter((v) => v !== value && v !== "—");
  if (earlier.length) sentence += `; earlier reports gave ${listOr(earlier)}`;
  return `${sentence}.`;
}

/** Statements for the chosen facts, in the order chosen; facts with no value are skipped. */
export function draftStatements(facts: readonly DraftFact[]): { text: string; factIds: string[] }[] {
  return facts.flatMap((f) => {
    const text = draftSentence(f);
    return text ? [{ text, factIds: [f.id] }] : [];
  });
}
