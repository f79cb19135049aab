// What changed between two published versions of a brief: the title, the statements (aligned
// by a longest common subsequence, so an edited sentence reads as one change rather than a
// removal and an addition), and the values of the facts cited. Feeds the editor's comparison
// and the corrections log readers see.
import type { BriefSnapshot } from "./snapshot";

export type VersionChange =
  | { kind: "title"; from: string; to: string }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string }
  | { kind: "changed"; from: string; to: string }
  | { kind: "value"; fact: string; from: string; to: string };

type Line = { text: string };

function statementsOf(s: BriefSnapshot): Line[] {
  return s.sections.flatMap((section) => [
    ...(section.heading ? [{ text: `§ ${section.heading}` }] : []),
    ...section.statements.map((st) => ({ text: st.text })),
  ]);
}

/** Edit script from a to b: keep, delete or insert, in order. */
function lcs(a: readonly string[], b: readonly string[]): { op: "keep" | "del" | "ins"; text: string }[] {
  const n = a.length;
  const m = b.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const out: { op: "keep" | "del" | "ins"; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push({ op: "keep", text: a[i]! }); i++; j++; }
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) out.push({ op: "del", text: a[i++]! });
    else out.push({ op: "ins", text: b[j++]! });
  }
  while (i < n) out.push({ op: "del", text: a[i++]! });
  while (j < m) out.push({ op: "ins", text: b[j++]! });
  return out;
}

const factLabel = (f: BriefSnapshot["footnotes"][number]) => `${f.subject} · ${f.attribute}`;

export function diffSnapshots(from: BriefSnapshot, to: BriefSnapshot): VersionChange[] {
  const changes: VersionChange[] = [];
  if (from.title !== to.title) changes.push({ kind: "title", from: from.title, to: to.title });

  // Runs of deletions followed by insertions pair up as edits, one for one.
  const script = lcs(statementsOf(from).map((l) => l.text), statementsOf(to).map((l) => l.text));
  for (let k = 0; k < script.length; ) {
    if (script[k]!.op === "keep") { k++; continue; }
    const dels: string[] = [];
    const ins: string[] = [];
    while (k < script.length && script[k]!.op !== "keep") {
      const step = script[k++]!;
      (step.op === "del" ? dels : ins).push(step.text);
    }
    const paired = Math.min(dels.length, ins.length);
    for (let p = 0; p < paired; p++) changes.push({ kind: "changed", from: dels[p]!, to: ins[p]! });
    for (const text of dels.slice(paired)) changes.push({ kind: "removed", text });
    for (const text of ins.slice(paired)) changes.push({ kind: "added", text });
  }

  const before = new Map(from.footnotes.map((f) => [factLabel(f), f.value]));
  for (const f of to.footnotes) {
    const old = before.get(factLabel(f));
    if (old !== undefined && old !== f.value) changes.push({ kind: "value", fact: factLabel(f), from: old, to: f.value });
  }
  return changes;
}

export type PublishedVersion = { number: number; publishedAt: string; snapshot: BriefSnapshot };
export type Correction = { number: number; publishedAt: string; changeNote: string | null; overrideNote: string | null; changes: VersionChange[] };

/**
 * The corrections log of the version a reader sees: for each version after the first, up to
 * and including that one, what changed from the one before. Newest first.
 */
export function correctionsLog(versions: readonly PublishedVersion[], upTo: number): Correction[] {
  const sorted = [...versions].filter((v) => v.number <= upTo).sort((a, b) => a.number - b.number);
  const log: Correction[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    log.push({
      number: cur.number,
      publishedAt: cur.publishedAt,
      changeNote: cur.snapshot.changeNote ?? null,
      overrideNote: cur.snapshot.overrideNote ?? null,
      changes: diffSnapshots(prev.snapshot, cur.snapshot),
    });
  }
  return log.reverse();
}

export function describeChange(c: VersionChange): string {
  switch (c.kind) {
    case "title": return `Title changed from “${c.from}” to “${c.to}”.`;
    case "added": return `Added: “${c.text}”`;
    case "removed": return `Removed: “${c.text}”`;
    case "changed": return `Changed “${c.from}” to “${c.to}”`;
    case "value": return `${c.fact}: ${c.from} → ${c.to}`;
  }
}
