// Arithmetic that must hold across facts: pre-money + round = post-money; named investors'
// amounts fit within the round; upfront + contingent = total; previous valuation + stated
// increase = new valuation. A fact may still carry several candidate values (a conflict not
// yet resolved): a check holds when some combination of candidates satisfies it (and says
// which), and is broken when none does (showing the closest). Values keep their stated
// precision ("$122 billion" is ±0.5 billion), plus the workspace tolerance.

import { formatValue } from "@/lib/format";
import { agreementClusters } from "./clusters";
import { decAdd, decCmp, decFromNumber, decMul, decSub, decToString, parseDec, ZERO, type Dec } from "./decimal";
import { isoDay } from "./dates";
import { sameValue } from "./facts";
import { boundsGap, boundsOverlap, magnitude, stated, type Bounds, type PrecisionInput, type Stated } from "./precision";
import { append } from "./util";
import { withDefaults, type ReconcileSettings, type SettingsInput } from "./settings";
import type { ClaimRank, ClaimValue, DateLike } from "./types";

export type CheckValue = PrecisionInput & { asOf?: DateLike };

/** A fact as the checks see it: its identity and its candidate values (see checkValues). */
export type CheckFact = {
  id: string;
  subjectKey: string;
  attribute: string;
  qualifiers?: { counterpartyKey?: string | null; counterparty?: string | null; basis?: string | null };
  values: readonly CheckValue[];
};

export type CheckName =
  | "pre_money_plus_round_equals_post_money"
  | "investors_within_round"
  | "upfront_plus_contingent_equals_total"
  | "previous_plus_increase_equals_new";

export type CheckStatus = "ok" | "broken" | "unknown";

export type CheckRole = "pre_money" | "round_size" | "post_money" | "investor" | "upfront" | "contingent" | "total" | "previous_valuation" | "increase" | "new_valuation";

export type CheckOperand = { role: CheckRole; factId: string; value: ClaimValue; label: string; counterparty?: string };

export type CheckNumbers = {
  /** The terms added up. */
  operands: CheckOperand[];
  /** What their sum is compared with; null when that fact is missing. */
  result: CheckOperand | null;
  /** Exact sum of the operands' figures; null when a range or bound is involved. */
  sum: string | null;
  /** sum − result; null when either is unknown. For investors_within_round, > 0 means over the round. */
  difference: string | null;
};

export type CheckResult = {
  check: CheckName;
  status: CheckStatus;
  subjectKey: string;
  /** The investor, for the per-investor check. */
  counterpartyKey?: string;
  /** Every fact the check touches; a broken check is shown on each of them. */
  factIds: string[];
  numbers: CheckNumbers;
  message: string;
};

type Candidate = { factId: string; fact: CheckFact; value: CheckValue; stated: Stated; asOf: string | null };

const isTotalBasis = (b: string | null | undefined) => !b || b === "total";
const basisOf = (f: CheckFact) => f.qualifiers?.basis ?? null;
const cpKey = (f: CheckFact) => f.qualifiers?.counterpartyKey || "";

const ROLES = {
  pre: (f: CheckFact) => f.attribute === "valuation_pre_money" || (f.attribute === "valuation" && basisOf(f) === "pre_money"),
  post: (f: CheckFact) => f.attribute === "valuation_post_money" || (f.attribute === "valuation" && basisOf(f) === "post_money"),
  round: (f: CheckFact) => f.attribute === "funding_round_size" && !cpKey(f) && isTotalBasis(basisOf(f)),
  investment: (f: CheckFact) => f.attribute === "investment_amount" && !!cpKey(f),
  increase: (f: CheckFact) => f.attribute === "valuation_increase" || f.attribute === "valuation_change",
  level: (f: CheckFact) => (f.attribute === "valuation" && (!basisOf(f) || basisOf(f) === "post_money")) || f.attribute === "valuation_post_money",
};

/** At most this many combinations are tried per check; beyond it each role keeps its first candidates. */
const MAX_COMBINATIONS = 10_000;

function candidates(facts: CheckFact[], s: ReconcileSettings): Candidate[] {
  return facts.flatMap((fact) =>
    fact.values.map((value) => ({ factId: fact.id, fact, value, stated: stated(value, s), asOf: isoDay(value.asOf) })),
  );
}

const usable = (c: Candidate) => !c.stated.opaque && !c.stated.isDate;

function operand(role: CheckRole, c: Candidate): CheckOperand {
  const value = { value: c.value.value, low: c.value.low, high: c.value.high, unit: c.value.unit };
  const counterparty = c.fact.qualifiers?.counterparty ?? c.fact.qualifiers?.counterpartyKey ?? undefined;
  return { role, factId: c.factId, value, label: formatValue(value), ...(role === "investor" && counterparty ? { counterparty } : {}) };
}

function sumBounds(xs: Stated[]): Bounds {
  let lo: Dec | null = ZERO;
  let hi: Dec | null = ZERO;
  let loOpen = false;
  let hiOpen = false;
  for (const x of xs) {
    lo = lo && x.lo ? decAdd(lo, x.lo) : null;
    hi = hi && x.hi ? decAdd(hi, x.hi) : null;
    loOpen ||= x.loOpen;
    hiOpen ||= x.hiOpen;
  }
  return { lo, hi, loOpen, hiOpen };
}

/** The written figure of a point statement (exact, rounded or approximate); null for ranges and bounds. */
const figure = (x: Stated): Dec | null => (x.kind === "exact" || x.kind === "rounded" || x.kind === "approximate" ? x.point : null);

function pointSum(xs: Stated[]): Dec | null {
  let total = ZERO;
  for (const x of xs) {
    const f = figure(x);
    if (!f) return null;
    total = decAdd(total, f);
  }
  return total;
}

const money = (d: Dec | null, unit: string) => (d == null ? "?" : formatValue({ value: decToString(d), low: null, high: null, unit }));

/**
 * Tries every combination of candidates (one per role) and returns the first that holds, else
 * the one closest to holding. A null gap means incomparable (different units) and ranks last.
 */
function closest(roles: Candidate[][], test: (combo: Candidate[]) => { holds: boolean; gap: Dec | null }): { combo: Candidate[]; holds: boolean; gap: Dec | null } | null {
  let lists = roles;
  let product = lists.reduce((n, l) => n * l.length, 1);
  if (product === 0) return null;
  if (product > MAX_COMBINATIONS) {
    const per = Math.max(1, Math.floor(MAX_COMBINATIONS ** (1 / lists.length)));
    lists = lists.map((l) => l.slice(0, per));
    product = lists.reduce((n, l) => n * l.length, 1);
  }
  let best: { combo: Candidate[]; holds: boolean; gap: Dec | null } | null = null;
  for (let i = 0; i < product; i++) {
    let k = i;
    const combo = lists.map((l) => {
      const c = l[k % l.length] as Candidate;
      k = Math.floor(k / l.length);
      return c;
    });
    const r = test(combo);
    if (r.holds) return { combo, holds: true, gap: r.gap };
    if (!best || (r.gap && (!best.gap || decCmp(r.gap, best.gap) < 0))) best = { combo, holds: false, gap: r.gap };
  }
  return best;
}

function equalityTest(tolerance: Dec, leftCount: number) {
  return (combo: Candidate[]): { holds: boolean; gap: Dec | null } => {
    if (new Set(combo.map((c) => c.value.unit)).size > 1) return { holds: false, gap: null };
    const left = sumBounds(combo.slice(0, leftCount).map((c) => c.stated));
    const right = (combo[leftCount] as Candidate).stated;
    const gap = boundsGap(left, right);
    return { holds: boundsOverlap(left, right) || decCmp(gap, decMul(tolerance, magnitude(left, right))) <= 0, gap };
  };
}

type Equality = {
  check: CheckName;
  subjectKey: string;
  counterpartyKey?: string;
  left: { role: CheckRole; candidates: Candidate[] }[];
  right: { role: CheckRole; candidates: Candidate[] };
  /** The message; for "unknown" it says what the terms present imply for the missing one. */
  describe: (o: { operands: CheckOperand[]; result: CheckOperand | null; sum: Dec | null; diff: Dec | null; unit: string; status: CheckStatus }) => string;
};

/** a + b (+ …) = c with candidates; unknown when a term is missing (then it says what the others imply). */
function evaluateEquality(e: Equality, tolerance: Dec): CheckResult | null {
  const present = [...e.left, e.right].filter((r) => r.candidates.length > 0);
  if (present.length < 2) return null;
  const allFacts = [...new Set(present.flatMap((r) => r.candidates.map((c) => c.factId)))];
  const base = { check: e.check, subjectKey: e.subjectKey, ...(e.counterpartyKey ? { counterpartyKey: e.counterpartyKey } : {}) };
  const missing = [...e.left, e.right].filter((r) => r.candidates.length === 0);
  if (missing.length > 0) {
    // What the known terms imply for the missing one, from their first candidates.
    const ops = e.left.filter((r) => r.candidates.length).map((r) => operand(r.role, r.candidates[0] as Candidate));
    const result = e.right.candidates.length ? operand(e.right.role, e.right.candidates[0] as Candidate) : null;
    const unit = (e.left.find((r) => r.candidates.length)?.candidates[0] ?? e.right.candidates[0])?.value.unit ?? "USD";
    const sum = pointSum(e.left.flatMap((r) => (r.candidates[0] ? [r.candidates[0].stated] : [])));
    return {
      ...base,
      status: "unknown",
      factIds: allFacts,
      numbers: { operands: ops, result, sum: sum ? decToString(sum) : null, difference: null },
      message: e.describe({ operands: ops, result, sum, diff: null, unit, status: "unknown" }),
    };
  }
  const roles = [...e.left.map((r) => r.candidates), e.right.candidates];
  const found = closest(roles, equalityTest(tolerance, e.left.length));
  if (!found) return null;
  const { combo, holds, gap } = found;
  const operands = combo.slice(0, e.left.length).map((c, i) => operand((e.left[i] as Equality["left"][number]).role, c));
  const last = combo[e.left.length] as Candidate;
  const result = operand(e.right.role, last);
  const sum = pointSum(combo.slice(0, e.left.length).map((c) => c.stated));
  const right = figure(last.stated);
  const diff = sum && right ? decSub(sum, right) : null;
  const status: CheckStatus = holds ? "ok" : gap == null ? "unknown" : "broken";
  return {
    ...base,
    status,
    // Broken: every fact that could have satisfied it is implicated, not just the closest combination.
    factIds: holds ? [...new Set(combo.map((c) => c.factId))] : allFacts,
    numbers: { operands, result, sum: sum ? decToString(sum) : null, difference: diff ? decToString(diff) : null },
    message: gap == null && !holds ? "The figures are in different units, so they cannot be added up." : e.describe({ operands, result, sum, diff, unit: last.value.unit, status }),
  };
}

const off = (diff: Dec | null, unit: string) => (diff && diff.n !== 0n ? ` (off by ${money(diff.n < 0n ? { n: -diff.n, e: diff.e } : diff, unit)})` : "");

function preRoundPost(subjectKey: string, facts: CheckFact[], s: ReconcileSettings, tolerance: Dec): CheckResult | null {
  return evaluateEquality(
    {
      check: "pre_money_plus_round_equals_post_money",
      subjectKey,
      left: [
        { role: "pre_money", candidates: candidates(facts.filter(ROLES.pre), s).filter(usable) },
        { role: "round_size", candidates: candidates(facts.filter(ROLES.round), s).filter(usable) },
      ],
      right: { role: "post_money", candidates: candidates(facts.filter(ROLES.post), s).filter(usable) },
      describe: ({ operands, result, sum, diff, unit, status }) => {
        const pre = operands.find((o) => o.role === "pre_money");
        const round = operands.find((o) => o.role === "round_size");
        if (status === "unknown") {
          if (!result && pre && round) return `No post-money valuation to check against: pre-money ${pre.label} + round ${round.label} implies ${money(sum, unit)}.`;
          if (result && pre) return `No round size to check against: post-money ${result.label} − pre-money ${pre.label} implies a round of ${money(decSub(parseFig(result), parseFig(pre)), unit)}.`;
          if (result && round) return `No pre-money valuation to check against: post-money ${result.label} − round ${round.label} implies ${money(decSub(parseFig(result), parseFig(round)), unit)} pre-money.`;
          return "Not enough figures to check pre-money + round = post-money.";
        }
        const lhs = `Pre-money ${pre?.label} + round ${round?.label} = ${money(sum, unit)}`;
        return status === "ok"
          ? `${lhs}, matching the post-money valuation of ${result?.label}.`
          : `${lhs}, but the post-money valuation is ${result?.label}${off(diff, unit)}.`;
      },
    },
    tolerance,
  );
}

/** An operand's written figure (a range's low end) as an exact decimal. */
const parseFig = (o: CheckOperand): Dec => parseDec(o.value.value ?? o.value.low ?? o.value.high) ?? ZERO;

function upfrontContingentTotal(subjectKey: string, cp: string, facts: CheckFact[], s: ReconcileSettings, tolerance: Dec): CheckResult | null {
  const of = (basis: string) => candidates(facts.filter((f) => basisOf(f) === basis), s).filter(usable);
  const upfront = of("upfront");
  const contingent = of("contingent");
  if (!upfront.length && !contingent.length) return null;
  const explicitTotal = of("total");
  const total = explicitTotal.length ? explicitTotal : candidates(facts.filter((f) => !basisOf(f)), s).filter(usable);
  const who = facts.find((f) => f.qualifiers?.counterparty)?.qualifiers?.counterparty ?? cp;
  return evaluateEquality(
    {
      check: "upfront_plus_contingent_equals_total",
      subjectKey,
      counterpartyKey: cp,
      left: [
        { role: "upfront", candidates: upfront },
        { role: "contingent", candidates: contingent },
      ],
      right: { role: "total", candidates: total },
      describe: ({ operands, result, sum, diff, unit, status }) => {
        const u = operands.find((o) => o.role === "upfront");
        const c = operands.find((o) => o.role === "contingent");
        if (status === "unknown") {
          if (!result && u && c) return `${who}: no total to check against; upfront ${u.label} + contingent ${c.label} implies ${money(sum, unit)}.`;
          if (result && u) return `${who}: no contingent amount stated; total ${result.label} − upfront ${u.label} implies ${money(decSub(parseFig(result), parseFig(u)), unit)} contingent.`;
          if (result && c) return `${who}: no upfront amount stated; total ${result.label} − contingent ${c.label} implies ${money(decSub(parseFig(result), parseFig(c)), unit)} upfront.`;
          return `${who}: not enough figures to check upfront + contingent = total.`;
        }
        const lhs = `${who}: upfront ${u?.label} + contingent ${c?.label} = ${money(sum, unit)}`;
        return status === "ok" ? `${lhs}, matching the total of ${result?.label}.` : `${lhs}, but the total is ${result?.label}${off(diff, unit)}.`;
      },
    },
    tolerance,
  );
}

/** One investor's amount: its total facts, else upfront + contingent (their smallest candidates). */
function investorAmount(facts: CheckFact[], s: ReconcileSettings): { candidates: Candidate[]; min: Stated; factIds: string[] } | null {
  const totals = candidates(facts.filter((f) => isTotalBasis(basisOf(f))), s).filter(usable);
  const parts = totals.length ? [totals] : ["upfront", "contingent"].map((b) => candidates(facts.filter((f) => basisOf(f) === b), s).filter(usable)).filter((l) => l.length);
  if (!parts.length) return null;
  // The smallest each part can be: the sum of these is the least the investors can add up to.
  const mins = parts.map((l) => l.reduce((m, c) => (lowOf(c.stated, m.stated) ? c : m)));
  const min = mins.length === 1 ? (mins[0] as Candidate).stated : { ...(mins[0] as Candidate).stated, ...sumBounds(mins.map((c) => c.stated)), point: pointSum(mins.map((c) => c.stated)), kind: "exact" as const };
  return { candidates: mins, min, factIds: [...new Set(parts.flat().map((c) => c.factId))] };
}

/** Is a's lower end below b's? (Unbounded below counts as lowest.) */
function lowOf(a: Stated, b: Stated): boolean {
  if (!a.lo) return !!b.lo;
  if (!b.lo) return false;
  return decCmp(a.lo, b.lo) < 0;
}

function investorsWithinRound(subjectKey: string, facts: CheckFact[], s: ReconcileSettings, tolerance: Dec): CheckResult | null {
  const rounds = candidates(facts.filter(ROLES.round), s).filter(usable);
  const byInvestor = new Map<string, CheckFact[]>();
  for (const f of facts.filter(ROLES.investment)) append(byInvestor, cpKey(f), f);
  if (!rounds.length || !byInvestor.size) return null;
  const investors = [...byInvestor.entries()].map(([key, fs]) => ({ key, amount: investorAmount(fs, s) })).filter((x) => x.amount);
  if (!investors.length) return null;
  const unit = rounds[0]?.value.unit ?? "USD";
  // The largest the round can be, and the least the investors can add up to.
  const biggest = rounds.reduce((m, c) => (highOf(c.stated, m.stated) ? c : m));
  const least = sumBounds(investors.map((x) => (x.amount as NonNullable<typeof x.amount>).min));
  const allowed = decMul(tolerance, magnitude(least, biggest.stated));
  const sameUnit = investors.every((x) => x.amount?.candidates.every((c) => c.value.unit === unit));
  const over = least.lo && biggest.stated.hi ? decSub(least.lo, biggest.stated.hi) : null;
  const holds = sameUnit && (over == null || decCmp(over, ZERO) < 0 || (over.n === 0n && !(least.loOpen || biggest.stated.hiOpen)) || decCmp(over, allowed) <= 0);
  const operands = investors.flatMap((x) => (x.amount as NonNullable<typeof x.amount>).candidates.map((c) => operand("investor", c)));
  const result = operand("round_size", biggest);
  const sum = pointSum(investors.map((x) => (x.amount as NonNullable<typeof x.amount>).min));
  const right = figure(biggest.stated);
  const diff = sum && right ? decSub(sum, right) : null;
  const names = operands.map((o) => `${o.counterparty ?? "?"} ${o.label}`).join(" + ");
  const status: CheckStatus = !sameUnit ? "unknown" : holds ? "ok" : "broken";
  const factIds = [...new Set([...(holds ? [biggest.factId] : rounds.map((r) => r.factId)), ...investors.flatMap((x) => x.amount?.factIds ?? [])])];
  const message = !sameUnit
    ? "Investors' amounts and the round are in different units."
    : holds
      ? `Named investors' amounts (${names} = ${money(sum, unit)}) fit within the ${result.label} round.`
      : `Named investors' amounts (${names}) add up to ${money(sum, unit)}, more than the ${result.label} round${off(diff, unit)}.`;
  return {
    check: "investors_within_round",
    status,
    subjectKey,
    factIds,
    numbers: { operands, result, sum: sum ? decToString(sum) : null, difference: diff ? decToString(diff) : null },
    message,
  };
}

function highOf(a: Stated, b: Stated): boolean {
  if (!a.hi) return !!b.hi;
  if (!b.hi) return false;
  return decCmp(a.hi, b.hi) > 0;
}

function previousPlusIncrease(subjectKey: string, facts: CheckFact[], s: ReconcileSettings, tolerance: Dec): CheckResult | null {
  const increases = candidates(facts.filter(ROLES.increase), s).filter(usable);
  if (!increases.length) return null;
  const levels = candidates(facts.filter(ROLES.level), s).filter(usable);
  const base = { check: "previous_plus_increase_equals_new" as const, subjectKey };
  if (levels.length < 2) {
    const ops = [operand("increase", increases[0] as Candidate)];
    return {
      ...base,
      status: "unknown",
      factIds: [...new Set([...increases, ...levels].map((c) => c.factId))],
      numbers: { operands: ops, result: null, sum: null, difference: null },
      message: `A valuation increase of ${ops[0]?.label} is stated, but there are not two valuations to check it against.`,
    };
  }
  const test = equalityTest(tolerance, 2);
  let best: { combo: Candidate[]; holds: boolean; gap: Dec | null } | null = null;
  for (const prev of levels) {
    for (const inc of increases) {
      for (const next of levels) {
        if (next === prev || (prev.asOf && next.asOf && prev.asOf > next.asOf)) continue;
        const combo = [prev, inc, next];
        const r = test(combo);
        if (r.holds) {
          best = { combo, ...r };
          break;
        }
        if (!best || (r.gap && (!best.gap || decCmp(r.gap, best.gap) < 0))) best = { combo, ...r };
      }
      if (best?.holds) break;
    }
    if (best?.holds) break;
  }
  if (!best) return null;
  const [prev, inc, next] = best.combo as [Candidate, Candidate, Candidate];
  const operands = [operand("previous_valuation", prev), operand("increase", inc)];
  const result = operand("new_valuation", next);
  const sum = pointSum([prev.stated, inc.stated]);
  const right = figure(next.stated);
  const diff = sum && right ? decSub(sum, right) : null;
  const unit = next.value.unit;
  const lhs = `Previous valuation ${operands[0]?.label} + increase ${operands[1]?.label} = ${money(sum, unit)}`;
  return {
    ...base,
    status: best.holds ? "ok" : best.gap == null ? "unknown" : "broken",
    factIds: best.holds ? [...new Set(best.combo.map((c) => c.factId))] : [...new Set([...increases, ...levels].map((c) => c.factId))],
    numbers: { operands, result, sum: sum ? decToString(sum) : null, difference: diff ? decToString(diff) : null },
    message: best.holds
      ? `${lhs}, matching the new valuation of ${result.label}.`
      : best.gap == null
        ? "The valuations and the increase are in different units, so they cannot be added up."
        : `${lhs}, but no stated valuation matches it; the closest is ${result.label}${off(diff, unit)}.`,
  };
}

/**
 * Runs every consistency check over a workspace's facts (any subjects; they are grouped by
 * subjectKey). Facts give their candidate values — the accepted value when resolved, else the
 * distinct confirmed values (checkValues builds these). Only checks with at least two of their
 * terms present are reported; with a term missing the status is "unknown" and the message says
 * what the others imply. previous + increase = new runs when a fact with attribute
 * "valuation_increase" exists (the extractor does not label increases yet).
 * Results are in a stable order: by subject, then check, then investor.
 */
export function runConsistencyChecks(facts: readonly CheckFact[], settings?: SettingsInput): CheckResult[] {
  const s = withDefaults(settings);
  const tolerance = decFromNumber(s.tolerance) ?? ZERO;
  const bySubject = new Map<string, CheckFact[]>();
  for (const f of facts) append(bySubject, f.subjectKey, f);
  const out: CheckResult[] = [];
  for (const [subjectKey, fs] of [...bySubject.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const push = (r: CheckResult | null) => {
      if (r) out.push(r);
    };
    push(preRoundPost(subjectKey, fs, s, tolerance));
    push(investorsWithinRound(subjectKey, fs, s, tolerance));
    const byInvestor = new Map<string, CheckFact[]>();
    for (const f of fs.filter(ROLES.investment)) append(byInvestor, cpKey(f), f);
    for (const [cp, group] of [...byInvestor.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      push(upfrontContingentTotal(subjectKey, cp, group, s, tolerance));
    }
    push(previousPlusIncrease(subjectKey, fs, s, tolerance));
  }
  return out;
}

/** Results per fact id, so each fact page shows every check that touches it (broken ones included). */
export function checksByFact(results: readonly CheckResult[]): Map<string, CheckResult[]> {
  const map = new Map<string, CheckResult[]>();
  for (const r of results) for (const id of r.factIds) append(map, id, r);
  return map;
}

/**
 * A fact's candidate values for the checks: the accepted value once resolved (every value of
 * an accepted timeline, each with its date: each was true at its time); otherwise one
 * representative per cluster of agreeing values among its non-deprecated claims (keeping
 * valueText, so the stated precision carries into the arithmetic).
 */
export function checkValues<T extends CheckValue & { rank?: ClaimRank }>(
  claims: readonly T[],
  resolution: { accepted: ClaimValue; timeline?: readonly { value: string | null; low: string | null; high: string | null; asOf: string | null }[] | null } | null,
  settings?: SettingsInput,
): CheckValue[] {
  if (resolution?.timeline?.length) {
    const unit = resolution.accepted.unit;
    return resolution.timeline.map((e) => ({ value: e.value, low: e.low, high: e.high, unit, asOf: e.asOf }));
  }
  if (resolution) return [resolution.accepted];
  const live = claims.filter((c) => c.rank !== "deprecated");
  return agreementClusters(live, settings).map((cluster) => cluster.claims.find((c) => sameValue(c, cluster.value)) ?? cluster.claims[0] ?? cluster.value);
}
