import { Badge } from "@/components/ui/badge";
import { formatDate, formatValue } from "@/lib/format";
import type { AcceptedTimelineEntry } from "@/lib/validations/facts";

/** A fact's accepted values over time: "$2 billion · announced · 4 May 2026 → $2.5 billion · completed · 10 Jun 2026". */
export function AcceptedTimeline({ entries, unit, testId = "accepted-timeline" }: { entries: readonly AcceptedTimelineEntry[]; unit: string; testId?: string }) {
  return (
    <ol className="flex flex-wrap items-center gap-x-1 gap-y-1" data-testid={testId} aria-label="Accepted values over time">
      {entries.map((e, i) => (
        <li key={i} className="inline-flex flex-wrap items-center gap-1" data-testid="accepted-timeline-entry">
          {i > 0 ? <span aria-hidden="true" className="text-stone-400">→</span> : null}
          <strong>{formatValue({ value: e.value, low: e.low, high: e.high, unit })}</strong>
          {e.modality ? <Badge>{e.modality.replaceAll("_", " ")}</Badge> : null}
          <span className="text-stone-600">{e.asOf ? formatDate(e.asOf) : "undated"}</span>
        </li>
      ))}
    </ol>
  );
}
