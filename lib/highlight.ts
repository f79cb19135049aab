// Splits text into plain runs and highlighted spans for the article reader. Overlapping spans
// keep the first (earliest, then longest); the rest still appear in the claim list.
export type Segment = { text: string; start: number; spanId: string | null };

export function segmentText(text: string, spans: readonly { id: string; start: number; end: number }[]): Segment[] {
  const sorted = [...spans].filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start), start: at, spanId: null });
    segments.push({ text: text.slice(span.start, span.end), start: span.start, spanId: span.id });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), start: at, spanId: null });
  return segments;
}
