// A fact resolved to a timeline of values ("announced at $2 billion in May, closed at $2.5
// billion in June") instead of one value: how briefs read, word and snapshot it.
import { formatValue } from "@/lib/format";
import { parseAcceptedTimeline, type AcceptedTimelineEntry } from "@/lib/validations/facts";

export type { AcceptedTimelineEntry };

/** The stored Fact.acceptedTimeline, or null when the fact has none (or the JSON is not one). */
export const parseTimeline = (json: unknown): AcceptedTimelineEntry[] | null => parseAcceptedTimeline(json);

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "May 2026" for 2026-05-04; null without a date. */
export function monthOf(asOf: string | null): string | null {
  if (!asOf) return null;
  const month = Number(asOf.slice(5, 7));
  return monthNames[month - 1] ? `${monthNames[month - 1]} ${asOf.slice(0, 4)}` : null;
}

// How a stage reads before its value: "was announced at $2 billion", "closed at $2.5 billion".
const stagePhrase: Record<string, (v: string) => string> = {
  target: (v) => `was targeted at ${v}`,
  in_talks: (v) => `was discussed at ${v}`,
  reported: (v) => `was reported at ${v}`,
  announced: (v) => `was announced at ${v}`,
  completed: (v) => `closed at ${v}`,
  contingent: (v) => `was ${v} subject to conditions`,
  estimate: (v) => `was estimated at ${v}`,
  up_to: (v) => `was up to ${v}`,
  approximately: (v) => `was about ${v}`,
};

/** "was announced at $2 billion in May 2026"; null for an entry with no value. */
export function timelinePhrase(entry: AcceptedTimelineEntry, unit: string): string | null {
  const value = formatValue({ value: entry.value, low: entry.low, high: entry.high, unit });
  if (value === "—") return null;
  const phrase = (entry.modality && stagePhrase[entry.modality]) || ((v: string) => `was ${v}`);
  const month = monthOf(entry.asOf);
  return `${phrase(value)}${month ? ` in ${month}` : ""}`;
}

/** "$2 billion (announced, May 2026) → $2.5 billion (completed, June 2026)": the value line of a footnote. */
export function timelineSummary(entries: readonly AcceptedTimelineEntry[], unit: string): string {
  return entries
    .map((e) => {
      const value = formatValue({ value: e.value, low: e.low, high: e.high, unit });
      const when = [e.modality?.replaceAll("_", " "), monthOf(e.asOf)].filter(Boolean).join(", ");
      return when ? `${value} (${when})` : value;
    })
    .join(" → ");
}

/** The latest entry with a value: what the fact stands at now. */
export function latestEntry(entries: readonly AcceptedTimelineEntry[]): AcceptedTimelineEntry | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.value != null || e.low != null || e.high != null) return e;
  }
  return null;
}
