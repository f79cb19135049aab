// Why sources disagree. For a conflicting fact, every value that is not the current one gets
// a suggested explanation, with the claims it rests on, which a researcher accepts or
// changes. In order of preference:
//   definition   — the figures measure different things (pre- vs post-money, upfront vs total)
//   time         — a later stage or date supersedes (target → in talks → announced → completed)
//   rounding     — the same figure rounded or loosely worded
//   copied       — near-identical sentences or the same attributed origin
//   likely_error — the outlier nothing above covers
// The "current" value (the reference) is the one at the most advanced stage, then the most
// recent, then the best supported. Deterministic: no clock, input order breaks every tie.

import { formatDate, formatValue } from "@/lib/format";
import { clusterParsed, type ParsedCluster } from "./clusters";
import { decAbs, decCmp, decFromNumber, decMax, decMul, decSub, decToNumber, decToString, pow10, ZERO } from "./decimal";
import { gapBetween, magnitude, roundToPow10, toleranceOf, type Stated } from "./precision";
import { prepare, stageRank, whereLabel, type DateSource, type Prepared } from "./prepare";
import { CopyIndex, ShingleTable } from "./quotes";
import { append } from "./util";
import { withDefaults, type ReconcileSettings, type SettingsInput } from "./settings";
import { sourceGroups, type SourceGroup } from "./sources";
import type { ClaimValue, ReconcileClaim, Stage } from "./types";

export type ExplanationKind = "definition" | "time" | "rounding" | "copied" | "likely_error";

/** One value of the fact (a cluster of agreeing claims) with what explanations need to say about it. */
export type ValueGroup = {
  key: string;
  value: ClaimValue;
  label: string;
  claimIds: string[];
  /** Most advanced stage any of its claims states. */
  stage: Stage | null;
  /** Earliest / latest as-of (else published) date among its claims. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Definitions its claims state or imply (pre_money, post_money, upfront, contingent, total, run_rate, annual). */
  bases: string[];
  approximate: boolean;
  /** Every claim describes it as a past figure ("previous raise", "last year"): the words, else null. */
  historical: string | null;
  independentSources: number;
  sources: SourceGroup[];
};

/** A point in a value's history: the stage and date the evidence claims give it. */
export type Moment = { stage: Stage | null; date: string | null; dateSource: DateSource | null; claimIds: string[] };

export type Evidence =
  | { kind: "definition"; aspect: "basis" | "unit"; value: string[]; against: string[] }
  | {
      kind: "time";
      /** stage: a later stage; date: every claim of the later value postdates the earlier's; context: the sentence calls it a past figure. */
      by: "stage" | "date" | "context";
      earlier: Moment;
      later: Moment;
      /** For "context": the words that place it in the past. */
      cue?: string;
    }
  | {
      kind: "rounding";
      /** rounded: one figure is the other rounded; approximate: loosely worded; close: within the rounding tolerance. */
      mode: "rounded" | "approximate" | "close";
      difference: string;
      relative: number;
      /** For "rounded": the power-of-ten step the coarser figure was rounded to. */
      step: string | null;
    }
  | { kind: "copied"; mode: "near_identical" | "same_origin" | "single_origin"; similarity: number | null; origin: string | null }
  | { kind: "likely_error"; sources: number; againstSources: number };

export type Explanation = {
  kind: ExplanationKind;
  /** One plain sentence for the fact page, e.g. "The $110 billion figure (announced, 27 Feb 2026) was superseded by $122 billion (completed, 31 Mar 2026)." */
  sentence: string;
  /** The claims the explanation relies on, from both values. */
  claimIds: string[];
  /** ValueGroup keys: the value explained and the value it is set against. */
  value: string;
  against: string;
  evidence: Evidence;
};

export type Disagreement = {
  value: ValueGroup;
  against: ValueGroup;
  suggestion: Explanation;
  /** Other explanations that also fit, best first (likely_error only when nothing else does). */
  alternatives: Explanation[];
};

export type DisagreementReport = {
  /** Every value of the fact, in the order its first claim appears. */
  groups: ValueGroup[];
  /** The value the others are explained against; null when there are no claims. */
  reference: ValueGroup | null;
  /** One per value other than the reference; empty when the fact is agreed. */
  disagreements: Disagreement[];
};

type Group = { cluster: ParsedCluster<Prepared>; items: Prepared[]; vg: ValueGroup; stageRank: number; first: number; id: number };

/** Per-call lookups shared by every comparison: which group each claim is in, who cites whom. */
type Context = {
  s: ReconcileSettings;
  prepared: Prepared[];
  copies: CopyIndex;
  groupOf: Int32Array;
  /** Claim indices by attributed origin key, and by outlet key. */
  byOrigin: Map<string, number[]>;
  byOutlet: Map<string, number[]>;
  /** The members of claim i's copy family, by value group, most current value first (indices ascending). */
  familyByGroup: (i: number) => [number, number[]][];
};

const STAGE_LABEL: Record<Stage, string> = { target: "target", in_talks: "in talks", announced: "announced", completed: "completed" };
const BASIS_LABEL: Record<string, string> = {
  pre_money: "pre-money", post_money: "post-money", upfront: "upfront", contingent: "contingent", total: "total", run_rate: "run-rate", annual: "annual",
};
const basisLabel = (b: string) => BASIS_LABEL[b] ?? b.replaceAll("_", " ");
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const percent = (x: number) => `${x < 0.1 ? (Math.round(x * 1000) / 10).toString() : Math.round(x * 100).toString()}%`;

function makeGroup(cluster: ParsedCluster<Prepared>, id: number, copies: CopyIndex, threshold: number): Group {
  const items = cluster.claims;
  const dates = items.map((p) => p.date).filter((d): d is string => d != null).sort();
  const rank = Math.max(...items.map((p) => stageRank(p.stage)));
  const sources = sourceGroups(items, copies, threshold);
  return {
    cluster,
    id,
    items,
    stageRank: rank,
    first: cluster.indices[0] ?? 0,
    vg: {
      key: cluster.key,
      value: cluster.value,
      label: cluster.label,
      claimIds: items.map((p) => p.claim.id),
      stage: rank >= 0 ? (items.find((p) => stageRank(p.stage) === rank)?.stage ?? null) : null,
      firstSeen: dates[0] ?? null,
      lastSeen: dates[dates.length - 1] ?? null,
      bases: unique(items.map((p) => p.basis).filter((b): b is string => b != null)),
      approximate: items.some((p) => p.stated.approximate),
      historical: items.every((p) => p.historical) ? (items[0]?.historical ?? null) : null,
      independentSources: sources.length,
      sources,
    },
  };
}

/** Most current first: not described as past, then stage, recency, independent support, claim count, input order. */
function byCurrency(a: Group, b: Group): number {
  if (!a.vg.historical !== !b.vg.historical) return a.vg.historical ? 1 : -1;
  if (a.stageRank !== b.stageRank) return b.stageRank - a.stageRank;
  const x = a.vg.lastSeen;
  const y = b.vg.lastSeen;
  if (x !== y) return x == null ? 1 : y == null ? -1 : x > y ? -1 : 1;
  return b.vg.independentSources - a.vg.independentSources || b.items.length - a.items.length || a.first - b.first;
}

function moment(items: Prepared[], pickLatest: boolean, atStage: number | null): Moment {
  const pool = atStage != null && atStage >= 0 ? items.filter((p) => stageRank(p.stage) === atStage) : items;
  const dated = pool.filter((p) => p.date != null).map((p) => p.date as string).sort();
  const date = (pickLatest ? dated[dated.length - 1] : dated[0]) ?? null;
  const chosen = pool.filter((p) => p.date === date);
  const first = chosen[0];
  return {
    stage: atStage != null && atStage >= 0 ? (first?.stage ?? null) : (chosen.find((p) => p.stage)?.stage ?? null),
    date,
    dateSource: first?.dateSource ?? null,
    claimIds: chosen.map((p) => p.claim.id),
  };
}

const dateLabels = new Map<string, string>();
/** formatDate is locale formatting, slow in bulk; dates repeat, so remember them. */
function dateLabel(iso: string): string {
  let label = dateLabels.get(iso);
  if (label === undefined) {
    label = formatDate(iso);
    if (dateLabels.size < 4096) dateLabels.set(iso, label);
  }
  return label;
}

function describeMoment(m: Moment): string {
  const parts = [m.stage ? STAGE_LABEL[m.stage] : null, m.date ? dateLabel(m.date) : null].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function definition(a: Group, b: Group): Explanation | null {
  if (a.vg.value.unit !== b.vg.value.unit) {
    return {
      kind: "definition",
      sentence: `The ${a.vg.label} figure is in ${a.vg.value.unit} and ${b.vg.label} in ${b.vg.value.unit}: they are not measured in the same unit.`,
      claimIds: [a.items[0]?.claim.id, b.items[0]?.claim.id].filter((x): x is string => !!x),
      value: a.vg.key,
      against: b.vg.key,
      evidence: { kind: "definition", aspect: "unit", value: [a.vg.value.unit], against: [b.vg.value.unit] },
    };
  }
  const x = a.vg.bases;
  const y = b.vg.bases;
  if (!x.length || !y.length || x.some((basis) => y.includes(basis))) return null;
  const firstWith = (g: Group) => g.vg.bases.map((basis) => g.items.find((p) => p.basis === basis)?.claim.id).filter((id): id is string => !!id);
  return {
    kind: "definition",
    sentence: `The ${a.vg.label} figure is ${x.map(basisLabel).join(" / ")} and ${b.vg.label} is ${y.map(basisLabel).join(" / ")}: they measure different things, so both can be right.`,
    claimIds: [...firstWith(a), ...firstWith(b)],
    value: a.vg.key,
    against: b.vg.key,
    evidence: { kind: "definition", aspect: "basis", value: x, against: y },
  };
}

/**
 * Does `later` supersede `a`? When a's sentences call it a past figure and later's do not; by
 * stage (a strictly earlier stage); or by date (every claim of a predates every claim of later).
 */
function time(a: Group, later: Group): Explanation | null {
  const base = { kind: "time" as const, value: a.vg.key, against: later.vg.key };
  if (a.vg.historical && !later.vg.historical) {
    const earlier: Moment = { ...moment(a.items, true, null), claimIds: a.vg.claimIds };
    const after = moment(later.items, false, later.stageRank);
    return {
      ...base,
      sentence: `The ${a.vg.label} figure is described as a past one (“${a.vg.historical}”) and was superseded by ${later.vg.label}${describeMoment(after)}.`,
      claimIds: unique([...earlier.claimIds, ...after.claimIds]),
      evidence: { kind: "time", by: "context", earlier, later: after, cue: a.vg.historical },
    };
  }
  if (later.vg.historical && !a.vg.historical) return null;
  let by: "stage" | "date" | null = null;
  if (a.stageRank >= 0 && later.stageRank >= 0 && a.stageRank < later.stageRank) by = "stage";
  else if (
    (a.stageRank < 0 || later.stageRank < 0 || a.stageRank <= later.stageRank) &&
    a.vg.lastSeen != null && later.vg.firstSeen != null && a.vg.lastSeen < later.vg.firstSeen
  ) by = "date";
  if (!by) return null;
  const earlier = by === "stage" ? moment(a.items, true, a.stageRank) : moment(a.items, true, null);
  const after = by === "stage" ? moment(later.items, false, later.stageRank) : moment(later.items, false, null);
  return {
    ...base,
    sentence: `The ${a.vg.label} figure${describeMoment(earlier)} was superseded by ${later.vg.label}${describeMoment(after)}.`,
    claimIds: unique([...earlier.claimIds, ...after.claimIds]),
    evidence: { kind: "time", by, earlier, later: after },
  };
}

const pointOf = (g: Group): Stated | null => (g.cluster.rep.point && !g.cluster.rep.isDate && !g.cluster.rep.opaque ? g.cluster.rep : null);

/** Is `fine` (some claim of it) what `coarse` becomes when rounded at one of coarse's claims' precision? */
function roundedFrom(coarse: Group, fine: Stated): { claim: Prepared; step: number } | null {
  if (!fine.point) return null;
  for (const p of coarse.items) {
    const st = p.stated;
    if (!st.point || st.loose == null) continue;
    for (let k = st.step ? Math.round(Math.log10(decToNumber(st.step))) : st.loose; k <= st.loose; k++) {
      if (decCmp(roundToPow10(fine.point, k), st.point) === 0 && decCmp(fine.point, st.point) !== 0) return { claim: p, step: k };
    }
  }
  return null;
}

function rounding(a: Group, b: Group, s: ReconcileSettings): Explanation | null {
  const x = pointOf(a);
  const y = pointOf(b);
  if (!x?.point || !y?.point || a.vg.value.unit !== b.vg.value.unit) return null;
  const gap = gapBetween(a.cluster.rep, b.cluster.rep) ?? ZERO;
  const limit = decMul(decFromNumber(s.roundingTolerance) ?? ZERO, magnitude(a.cluster.rep, b.cluster.rep));
  if (decCmp(gap, limit) > 0) return null;
  const diff = decAbs(decSub(x.point, y.point));
  const big = decMax(decAbs(x.point), decAbs(y.point));
  const relative = big.n === 0n ? 0 : decToNumber(diff) / decToNumber(big);
  const aRounds = roundedFrom(a, y);
  const bRounds = aRounds ? null : roundedFrom(b, x);
  const approxClaims = [...a.items, ...b.items].filter((p) => p.stated.approximate).slice(0, 5);
  const repOf = (g: Group) => g.items.find((p) => p.stated.key === g.cluster.rep.key)?.claim.id ?? g.items[0]?.claim.id;
  const base = { kind: "rounding" as const, value: a.vg.key, against: b.vg.key };
  if (aRounds || bRounds) {
    const r = (aRounds ?? bRounds) as { claim: Prepared; step: number };
    const [coarse, fine] = aRounds ? [a, b] : [b, a];
    const stepLabel = formatValue({ value: decToString(pow10(r.step)), low: null, high: null, unit: a.vg.value.unit });
    return {
      ...base,
      sentence: `The ${coarse.vg.label} figure looks like ${fine.vg.label} rounded to the nearest ${stepLabel} (${percent(relative)} apart).`,
      claimIds: unique([r.claim.claim.id, repOf(fine)].filter((id): id is string => !!id)),
      evidence: { kind: "rounding", mode: "rounded", difference: decToString(diff), relative, step: decToString(pow10(r.step)) },
    };
  }
  const approximate = approxClaims.length > 0;
  // Touching rounding intervals ("2 GW" and "3 GW") are not "close": the figures themselves must be.
  if (!approximate && relative > s.roundingTolerance) return null;
  return {
    ...base,
    sentence: approximate
      ? `${cap(a.vg.label)} and ${b.vg.label} are ${percent(relative)} apart and at least one is stated approximately: likely the same figure, loosely worded.`
      : `${cap(a.vg.label)} and ${b.vg.label} are only ${percent(relative)} apart (within the ${percent(s.roundingTolerance)} rounding tolerance): likely the same figure, rounded differently.`,
    claimIds: unique(approximate ? [...approxClaims.map((p) => p.claim.id), repOf(a), repOf(b)].filter((id): id is string => !!id) : [repOf(a), repOf(b)].filter((id): id is string => !!id)),
    evidence: { kind: "rounding", mode: approximate ? "approximate" : "close", difference: decToString(diff), relative, step: null },
  };
}

const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

type CrossCopy = { p: Prepared; q: Prepared; group: Group; origin: string | null };

/**
 * The best pair (a claim of a, a claim of another value) that shares an attributed origin or a
 * copied sentence: the other value ranked most current first, then input order; an origin
 * beats wording for the same pair. Claims of one article never count as copies of each other.
 */
function crossCopy(a: Group, ctx: Context, groups: Group[], rank: Int32Array): CrossCopy | null {
  let best: { p: Prepared; j: number; origin: string | null; key: [number, number, number, number] } | null = null;
  a.items.forEach((p, pi) => {
    const consider = (j: number, origin: string | null) => {
      const g = ctx.groupOf[j] as number;
      const q = ctx.prepared[j] as Prepared;
      if (g === a.id || (p.articleId != null && p.articleId === q.articleId)) return;
      const key: [number, number, number, number] = [rank[g] as number, pi, j, origin ? 0 : 1];
      if (!best || lexLess(key, best.key)) best = { p, j, origin, key };
    };
    if (p.origin) {
      for (const j of ctx.byOrigin.get(p.origin.key) ?? []) consider(j, p.origin.name);
      for (const j of ctx.byOutlet.get(p.origin.key) ?? []) consider(j, p.origin.name);
    }
    if (p.outletKey) for (const j of ctx.byOrigin.get(p.outletKey) ?? []) consider(j, (ctx.prepared[j] as Prepared).origin?.name ?? null);
    // In p's copy family, the first claim (outside p's article) of the most current other value.
    for (const [g, members] of ctx.familyByGroup(p.index)) {
      if (g === a.id) continue;
      const j = members.find((m) => p.articleId == null || (ctx.prepared[m] as Prepared).articleId !== p.articleId);
      if (j !== undefined) {
        consider(j, null);
        break;
      }
    }
  });
  const found = best as { p: Prepared; j: number; origin: string | null } | null;
  if (!found) return null;
  return { p: found.p, q: ctx.prepared[found.j] as Prepared, group: groups[ctx.groupOf[found.j] as number] as Group, origin: found.origin };
}

function lexLess(x: number[], y: number[]): boolean {
  for (let i = 0; i < x.length; i++) if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) < (y[i] as number);
  return false;
}

function copiedExplanation(a: Group, c: CrossCopy, ctx: Context): Explanation {
  const base = { kind: "copied" as const, value: a.vg.key, against: c.group.vg.key, claimIds: [c.p.claim.id, c.q.claim.id] };
  const b = c.group;
  if (c.origin) {
    return {
      ...base,
      sentence: `Both ${a.vg.label} (${whereLabel(c.p)}) and ${b.vg.label} (${whereLabel(c.q)}) trace back to ${c.origin}: at least one of them misreports the same source.`,
      evidence: { kind: "copied", mode: "same_origin", similarity: null, origin: c.origin },
    };
  }
  const sim = ctx.copies.similarity(c.p.index, c.q.index);
  const how = sim >= ctx.s.copySimilarity ? `near-identical sentences (${percent(sim)} alike)` : "near-identical sentences (through intermediate versions)";
  return {
    ...base,
    sentence: `The ${a.vg.label} figure (${whereLabel(c.p)}) and ${b.vg.label} (${whereLabel(c.q)}) sit in ${how}: one copied the other and the figure changed on the way.`,
    evidence: { kind: "copied", mode: "near_identical", similarity: sim, origin: null },
  };
}

function singleOrigin(a: Group, against: Group): Explanation | null {
  const articles = unique(a.items.map((p) => p.articleId ?? p.claim.id));
  if (articles.length < 2 || a.vg.independentSources !== 1) return null;
  const links = a.vg.sources[0]?.links.filter((l) => l.kind !== "same_article") ?? [];
  const why = unique(links.map((l) => (l.kind === "near_identical_quote" ? "near-identical wording" : l.detail))).join(", ");
  return {
    kind: "copied",
    sentence: `All ${plural(articles.length, "article")} giving ${a.vg.label} trace back to one source (${why}), so it counts once against ${against.vg.label} (${plural(against.vg.independentSources, "independent source")}).`,
    claimIds: a.vg.claimIds,
    value: a.vg.key,
    against: against.vg.key,
    evidence: { kind: "copied", mode: "single_origin", similarity: links.find((l) => l.similarity != null)?.similarity ?? null, origin: a.vg.sources[0]?.origins[0] ?? null },
  };
}

function likelyError(a: Group, b: Group): Explanation {
  const nA = a.vg.independentSources;
  const nB = b.vg.independentSources;
  const verdict = nA <= nB ? `the ${a.vg.label} figure is likely an error` : `one of them is likely an error, though ${a.vg.label} has more sources`;
  return {
    kind: "likely_error",
    sentence: `${cap(a.vg.label)} (${plural(nA, "source")}) disagrees with ${b.vg.label} (${plural(nB, "independent source")}) and no later date, different definition or rounding accounts for it: ${verdict}.`,
    claimIds: unique([...a.vg.claimIds, ...b.vg.sources.map((g) => g.claimIds[0]).filter((id): id is string => !!id)]),
    value: a.vg.key,
    against: b.vg.key,
    evidence: { kind: "likely_error", sources: nA, againstSources: nB },
  };
}

/**
 * Suggests why a fact's values disagree, with the claims each suggestion rests on, so the
 * editor starts from evidence rather than a blank rationale. Pass the fact's confirmed
 * claims (with quote, article, modality, asOf and valueText for the best suggestions) and
 * the workspace settings. Fast enough for hundreds of claims per fact.
 */
export function explainDisagreements<T extends ReconcileClaim>(claims: readonly T[], settings?: SettingsInput): DisagreementReport {
  const s = withDefaults(settings);
  const prepared = prepare(claims, s, new ShingleTable());
  const copies = new CopyIndex(prepared.map((p) => p.quote), s.copySimilarity);
  const clusters = clusterParsed(prepared, prepared.map((p) => p.stated), toleranceOf(s));
  const groups = clusters.map((c, i) => makeGroup(c, i, copies, s.copySimilarity));
  const ranked = [...groups].sort(byCurrency);
  const reference = ranked[0] ?? null;
  if (!reference || groups.length < 2) return { groups: groups.map((g) => g.vg), reference: reference?.vg ?? null, disagreements: [] };

  const groupOf = new Int32Array(prepared.length);
  for (const g of groups) for (const p of g.items) groupOf[p.index] = g.id;
  const rank = new Int32Array(groups.length);
  ranked.forEach((g, i) => (rank[g.id] = i));
  const families = new Map<number, [number, number[]][]>();
  const familyByGroup = (i: number): [number, number[]][] => {
    const f = copies.family[i] ?? -1;
    if (f < 0) return [];
    let byGroup = families.get(f);
    if (!byGroup) {
      const map = new Map<number, number[]>();
      for (const j of copies.members(i)) append(map, groupOf[j] as number, j);
      byGroup = [...map.entries()].sort(([x], [y]) => (rank[x] as number) - (rank[y] as number));
      families.set(f, byGroup);
    }
    return byGroup;
  };
  const ctx: Context = { s, prepared, copies, groupOf, byOrigin: new Map(), byOutlet: new Map(), familyByGroup };
  const push = (map: Map<string, number[]>, key: string | null | undefined, i: number) => {
    if (key) append(map, key, i);
  };
  for (const p of prepared) {
    push(ctx.byOrigin, p.origin?.key, p.index);
    push(ctx.byOutlet, p.outletKey, p.index);
  }

  const byValue = [...groups].sort((x, y) => x.cluster.rep.flo - y.cluster.rep.flo || x.first - y.first);

  const byKey = new Map(groups.map((g) => [g.vg.key, g]));
  const withUnits = new Set(groups.map((g) => g.vg.value.unit)).size > 1;

  const disagreements: Disagreement[] = [];
  for (const a of groups) {
    if (a === reference) continue;
    const firstOf = (candidates: Group[], f: (g: Group) => Explanation | null) => {
      for (const g of candidates) {
        if (g === a) continue;
        const e = f(g);
        if (e) return e;
      }
      return null;
    };
    // Without a stated definition only a different unit can be a definition difference.
    const definitionCandidates = a.vg.bases.length ? ranked : withUnits ? ranked.filter((g) => g.vg.value.unit !== a.vg.value.unit) : [];
    const found = [
      firstOf(definitionCandidates, (g) => definition(a, g)),
      firstOf(ranked, (g) => time(a, g)),
      firstOf([reference, ...nearest(a, byValue, 4)], (g) => rounding(a, g, s)),
      copied(a, reference, ctx, groups, rank),
    ].filter((e): e is Explanation => e != null);
    const [suggestion, ...alternatives] = found.length ? found : [likelyError(a, reference)];
    const against = byKey.get((suggestion as Explanation).against) ?? reference;
    disagreements.push({ value: a.vg, against: against.vg, suggestion: suggestion as Explanation, alternatives });
  }
  return { groups: groups.map((g) => g.vg), reference: reference.vg, disagreements };
}

/** Copying explains a's disagreement with the reference, else a's own single origin, else copying from another value. */
function copied(a: Group, reference: Group, ctx: Context, groups: Group[], rank: Int32Array): Explanation | null {
  const cross = crossCopy(a, ctx, groups, rank);
  if (cross && cross.group === reference) return copiedExplanation(a, cross, ctx);
  return singleOrigin(a, reference) ?? (cross ? copiedExplanation(a, cross, ctx) : null);
}

/** The n groups whose figures lie closest to a's, from the groups sorted by value (rounding only relates near values). */
function nearest(a: Group, byValue: Group[], n: number): Group[] {
  const at = byValue.indexOf(a);
  const x = a.cluster.rep.flo;
  const dist = (g: Group) => (Number.isFinite(x) && Number.isFinite(g.cluster.rep.flo) ? Math.abs(g.cluster.rep.flo - x) : Infinity);
  return byValue
    .slice(Math.max(0, at - n), at + n + 1)
    .filter((g) => g !== a)
    .sort((p, q) => dist(p) - dist(q) || p.first - q.first)
    .slice(0, n);
}
