// What a figure measures (attribute), how certain the sentence says it is (modality) and on
// what basis (pre-/post-money, upfront, contingent, total, run rate). Table-driven: each
// rule names the figure kinds it applies to, its keywords, and an optional "left" pattern
// for words that bind to the figure that follows them ("valued at", "revenue of").

import type { FigureContext } from "./context";
import type { Figure, FigureKind, Modality } from "./types";

type AttrRule = {
  attribute: string;
  kinds: FigureKind[];
  /** keywords, searched in the head, the windows, the clause and the label */
  kw: RegExp;
  /** anchored at the end of the left window: words that introduce the figure */
  left?: RegExp;
};

export const ATTRIBUTE_RULES: AttrRule[] = [
  {
    attribute: "valuation_pre_money",
    kinds: ["money"],
    kw: /\bpre-?money\b/gi,
    left: /\bpre-?money(?:\s+valuation)?(?:\s+(?:has|had|of|at|to|was|is|stood|reached|hit|soared|rose|climbed|jumped)){0,3}\s*:?\s*$/i,
  },
  {
    attribute: "valuation_post_money",
    kinds: ["money"],
    kw: /\bpost-?money\b/gi,
    left: /\bpost-?money(?:\s+valuation)?(?:\s+(?:has|had|of|at|to|was|is|stood|reached|hit|soared|rose|climbed|jumped)){0,3}\s*:?\s*$/i,
  },
  {
    attribute: "run_rate_revenue",
    kinds: ["money"],
    kw: /\brun[- ]rate\b|\bannuali[sz]ed\s+(?:revenue|sales)\b|\bannual recurring revenue\b|\bARR\b/gi,
    left: /(?:\brun[- ]rate(?:\s+revenue)?|\bARR|\bannuali[sz]ed\s+(?:revenue|sales))(?:\s+(?:of|at|to|was|is|has|had|have|surpassed|reached|hit|hits|topped|exceeded|passed|crossed|grew|rose|climbed|jumped)){0,3}\s*:?\s*$/i,
  },
  {
    attribute: "capital_expenditure",
    kinds: ["money"],
    kw: /\bcapex\b|\bcapital expenditures?\b|\bcapital spending\b|\b(?:AI|infrastructure|data[- ]cent(?:er|re)s?)\s+spending\b/gi,
    left: /(?:\bcapex|\bcapital expenditures?|\bcapital spending)(?:\s+(?:of|at|to|will|is|are|was|be|reach|hit|total|projected|expected|forecast)){0,4}\s*:?\s*$/i,
  },
  { attribute: "market_share", kinds: ["percent"], kw: /\bmarket share\b|\bshare of (?:the )?(?:[\p{L}-]+\s+){0,2}market\b/giu },
  { attribute: "stake", kinds: ["percent"], kw: /\bstakes?\b|\bholdings?\b|\bownership\b|\bowns?\b|\bequity\b/gi },
  {
    attribute: "revenue",
    kinds: ["money"],
    kw: /\brevenues?\b|\bsales\b|\bturnover\b|\btop line\b/gi,
    left: /\b(?:revenues?|sales|turnover)(?:\s+(?:of|at|to|was|were|is|has|have|reached|hit|hits|topped|surpassed|exceeded|totaled|totalled|grew|rose|climbed|jumped|fell|dropped)){0,3}\s*:?\s*$/i,
  },
  {
    attribute: "valuation",
    kinds: ["money"],
    kw: /\bvaluations?\b|\bvalued\b|\bvaluing\b|\bvalue\b/gi,
    left: /(?:\bvalu(?:e|es|ed|ing)\s+(?:[\p{L}\p{N}'’&.-]+\s+){0,4}?at|\bvaluations?(?:\s+(?:has|had|have|of|at|to|was|is|stood|reached|hit|soared|rose|climbed|jumped|surged|fell|dropped)){1,3}|\bvaluations?\s*:|\bworth)\s*$/iu,
  },
  {
    attribute: "investment_amount",
    kinds: ["money"],
    kw: /\binvest(?:s|ed|ing|ment|ments)?\b|\bstakes?\b|\bbets?\b|\bche(?:ck|que)\b|\bcommitments?\b|\bcontribut(?:e|es|ed|ing|ion|ions)\b|\bpledg(?:e|es|ed|ing)\b|\binjection\b/gi,
    left: /(?:\binvest(?:s|ed|ing)?|\bcontribut(?:e|es|ed|ing)|\bpledg(?:e|es|ed|ing)|\bpour(?:s|ed|ing)?|\binject(?:s|ed|ing)?|\b(?:investment|commitment|contribution|stake)\s+(?:of|worth|valued at))\s*$/i,
  },
  {
    attribute: "funding_round_size",
    kinds: ["money"],
    kw: /\brounds?\b|\brais(?:e|es|ed|ing)\b|\bfunding\b|\bfinancing\b|\bfundrais\w*|\bsecur(?:e|es|ed|ing)\b|\bclos(?:e|es|ed|ing)\b|\bwar chest\b|\bin\s+(?:new\s+|fresh\s+|committed\s+|private\s+|growth\s+|venture\s+)?capital\b/gi,
    left: /(?:\brais(?:e|es|ed|ing)|\bseek(?:s|ing)?|\blooking to raise|\bsecur(?:e|es|ed|ing)|\bclos(?:e|es|ed|ing)(?:\s+at)?|\bland(?:s|ed)?|\bbag(?:s|ged)?|\b(?:round|raise|funding|financing|fundraise|fundraising)\s+(?:of|closed at|totall?ing|worth)|\b(?:round|raise|funding|financing)\s*:)\s*$/i,
  },
  { attribute: "users", kinds: ["count"], kw: /\busers\b|\bsubscribers\b|\bcustomers\b|\bmembers\b|\baccounts\b|\bdownloads\b|\bdevelopers\b/gi },
  { attribute: "headcount", kinds: ["count"], kw: /\bemployees\b|\bstaff\b|\bworkers\b|\bheadcount\b|\bemploys?\b|\bworkforce\b/gi },
  {
    attribute: "compute_capacity",
    kinds: ["power"],
    kw: /\bcompute\b|\bcomputing\b|\bcapacity\b|\binference\b|\btraining\b|\bdata[- ]cent(?:er|re)s?\b|\bpower\b|\bchips?\b|\bGPUs?\b|\bclusters?\b|\baccelerators?\b/gi,
  },
];

/** A more specific attribute that wins over the general one when both fit. */
const REFINES: Record<string, string> = {
  run_rate_revenue: "revenue",
  valuation_pre_money: "valuation",
  valuation_post_money: "valuation",
};

const FALLBACK: Record<FigureKind, string> = {
  money: "amount",
  percent: "percentage",
  date: "date",
  power: "amount",
  count: "amount",
};

const SHARE_PRICE = /\b(?:shares?|stock|share price|stock price|ADRs?)\b/i;

/** A figure that is a change, not a level: "a $340 billion increase". */
const CHANGE_HEAD = /^(?:increase|rise|jump|gain|drop|decline|decrease|growth|boost|premium|discount|more|less|higher|lower|surge|hike|cut|reduction|loss|losses|uplift|YoY|year-over-year|QoQ)\b/i;

const TRAILING_MODIFIER =
  /\s*(?:\b(?:a|an|the|about|around|roughly|approximately|approx|nearly|almost|some|up to|as much as|as high as|over|more than|less than|at least|at most|estimated|additional|further|another|just|only|close to|its|their|his|her|our|total of|record|massive|staggering|whopping|fresh|new|initial|existing|previous|combined|total|potential|planned|proposed|reported|extra|whole|full)\b\.?|[~≈])\s*$/i;

export function stripModifiers(left: string): string {
  let t = left.trimEnd();
  for (let i = 0; i < 8; i++) {
    const n = t.replace(TRAILING_MODIFIER, "");
    if (n === t) break;
    t = n;
  }
  return t;
}

export type AttributeChoice = { attribute: string; strength: number };

type Hit = { rule: AttrRule; index: number; end: number; order: number };

function hits(text: string, kind: FigureKind): Hit[] {
  const out: Hit[] = [];
  ATTRIBUTE_RULES.forEach((rule, order) => {
    if (!rule.kinds.includes(kind)) return;
    rule.kw.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.kw.exec(text)) !== null) {
      out.push({ rule, index: m.index, end: m.index + m[0].length, order });
      if (m[0].length === 0) rule.kw.lastIndex++;
    }
  });
  return out;
}

function pick(list: Hit[], score: (h: Hit) => number): Hit | null {
  let best: Hit | null = null;
  let bestScore = Infinity;
  for (const h of list) {
    const sc = score(h);
    if (sc < bestScore || (sc === bestScore && best && h.order < best.order)) {
      best = h;
      bestScore = sc;
    }
  }
  return best;
}

export function decideAttribute(f: Figure, ctx: FigureContext, inTable: boolean): AttributeChoice {
  if (f.kind === "date") return decideDateAttribute(ctx);
  const fallback = { attribute: FALLBACK[f.kind], strength: 0 };
  if (CHANGE_HEAD.test(ctx.head.replace(/^\+\s*/, ""))) return fallback;

  // "shares rose 3% to $178.50": a share price, whatever keywords follow.
  if (f.kind === "money" && /\b(?:to|at)\s*$/.test(ctx.left) && SHARE_PRICE.test(ctx.s.slice(ctx.clauseStart, ctx.fs))) {
    return { attribute: "amount", strength: 2 };
  }
  const stripped = stripModifiers(ctx.left);
  const inHead = pick(hits(ctx.head, f.kind), (h) => h.index);
  for (const rule of ATTRIBUTE_RULES) {
    if (!rule.left || !rule.kinds.includes(f.kind) || !rule.left.test(stripped)) continue;
    // "Revenue hits $9B run rate": the head refines the left word.
    if (inHead && REFINES[inHead.rule.attribute] === rule.attribute) return { attribute: inHead.rule.attribute, strength: 3 };
    return { attribute: rule.attribute, strength: 3 };
  }
  if (inHead) return { attribute: inHead.rule.attribute, strength: 3 };
  if (inTable && ctx.label) {
    const h = pick(hits(ctx.label, f.kind), () => 0);
    if (h) return { attribute: h.rule.attribute, strength: 3 };
  }
  const inLeft = pick(hits(ctx.left, f.kind), (h) => ctx.left.length - h.end);
  if (inLeft) return { attribute: inLeft.rule.attribute, strength: 2 };
  const region = ctx.s.slice(ctx.regionStart, ctx.regionEnd);
  const rFs = ctx.fs - ctx.regionStart;
  const rFe = ctx.fe - ctx.regionStart;
  const clauseHits = hits(region, f.kind).filter((h) => h.end <= rFs || h.index >= rFe);
  const inClause = pick(clauseHits, (h) => (h.end <= rFs ? rFs - h.end : h.index - rFe));
  if (inClause) return { attribute: inClause.rule.attribute, strength: 1.5 };
  if (ctx.label) {
    const h = pick(hits(ctx.label, f.kind), () => 0);
    if (h) return { attribute: h.rule.attribute, strength: 2 };
  }
  if (ctx.sameKind === 1 || f.kind === "power" || f.kind === "count") {
    const all = hits(ctx.s, f.kind).filter((h) => h.end <= ctx.fs || h.index >= ctx.fe);
    const near = pick(all, (h) => (h.end <= ctx.fs ? ctx.fs - h.end : h.index - ctx.fe));
    if (near) return { attribute: near.rule.attribute, strength: 1 };
  }
  return fallback;
}

const ANNOUNCE_RE = /\bannounc(?:e|es|ed|ing|ement)\b|\bunveil(?:s|ed)?\b/gi;
const CLOSE_RE = /\bclos(?:e|es|ed|ing)\b|\bcomplet(?:e|es|ed|ion)\b|\bfinali[sz]ed\b/gi;

function lastHit(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) last = m.index;
  return last;
}

function decideDateAttribute(ctx: FigureContext): AttributeChoice {
  const score = (re: RegExp, text: string, at: number): number => {
    re.lastIndex = 0;
    let best = Infinity;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) best = Math.min(best, Math.abs(m.index - at));
    return best;
  };
  // "announced the round on Feb. 27": the event word before the date wins.
  const a0 = lastHit(ANNOUNCE_RE, ctx.left);
  const c0 = lastHit(CLOSE_RE, ctx.left);
  if (a0 >= 0 || c0 >= 0) return { attribute: a0 > c0 ? "announcement_date" : "closing_date", strength: 2.5 };
  for (const [text, at, strength] of [
    [ctx.clause, ctx.fs - ctx.clauseStart, 2],
    [ctx.s, ctx.fs, 1],
  ] as const) {
    const a = score(ANNOUNCE_RE, text, at);
    const c = score(CLOSE_RE, text, at);
    if (a === Infinity && c === Infinity) continue;
    return { attribute: a <= c ? "announcement_date" : "closing_date", strength };
  }
  return { attribute: "date", strength: 0 };
}

// ---------------------------------------------------------------------------------------
// Modality

type ModalityRule = { modality: Modality; re: RegExp; scope: "local" | "clause" | "sentence"; dealOnly: boolean };

/** In priority order: the first rule that fires wins. */
export const MODALITY_RULES: ModalityRule[] = [
  {
    modality: "contingent",
    scope: "clause",
    dealOnly: false,
    re: /\bcontingent\b|\bconditional\b|\bsubject to\b|\bconditions? (?:are|is|being|were|have been) met\b|\bupon (?:achiev|reach|meet|hitt)\w*|\bmilestones?\b|\bif certain\b|\bearn-?outs?\b/i,
  },
  {
    modality: "in_talks",
    scope: "sentence",
    dealOnly: true,
    re: /\bin (?:advanced |early |late |final |preliminary |exclusive |ongoing )?(?:talks|negotiations|discussions)\b|\bnegotiat(?:ing|es|ions)\b|\bin the process of raising\b|\bdiscussing\b/i,
  },
  {
    modality: "target",
    scope: "sentence",
    dealOnly: true,
    re: /\bseek(?:s|ing)?\b|\baim(?:s|ing|ed)? (?:to|for)\b|\btarget(?:s|ing|ed)?\b|\blooking to (?:raise|secure)\b|\bplan(?:s|ning|ned)? to (?:raise|secure|invest)\b|\bhop(?:es|ing) to (?:raise|secure)\b|\bwants? to raise\b|\bcould value\b|\bwould value\b|\bcould raise\b|\bproposed\b/i,
  },
  {
    modality: "completed",
    scope: "sentence",
    dealOnly: true,
    re: /\bcomplet(?:ed|es|ion)\b|\bclosed\b|\bcloses\b|\bclosing\b|\bfinali[sz]ed\b|\bha(?:s|d|ve) (?:now )?raised\b|\bsuccessfully\b/i,
  },
  {
    modality: "announced",
    scope: "sentence",
    dealOnly: false,
    re: /\bannounc(?:e|es|ed|ing|ement)\b|\bunveil(?:s|ed|ing)?\b|\bdisclos(?:e|es|ed|ing)\b|\bconfirm(?:s|ed|ing)?\b|\bsecur(?:es|ed)\b|\bstated\b|\bofficially\b/i,
  },
  {
    modality: "estimate",
    scope: "clause",
    dealOnly: false,
    re: /\bestimat(?:e|es|ed|ion)\b|\bEst\b\.?|\bproject(?:ed|ion|ions)\b|\bforecast(?:s|ed)?\b|\bexpected to (?:reach|hit|be|total)\b|\bcould (?:reach|hit|total|rise|be)\b|\bguidance\b|\bexpects?\b/i,
  },
  {
    modality: "reported",
    scope: "sentence",
    dealOnly: false,
    re: /\breportedly\b|\b[Aa]ccording to\b|\breport(?:ed|s)? (?:that|by)\b|\b[Rr]eports? (?:suggest|say|said|indicate|show)|\bsources? (?:said|say|familiar|close)\b|\bpeople (?:familiar|close)\b|,\s*(?:[A-Z][\w&.]*\s*){1,3}(?:reports?|reported)\b|\b(?:is|was|were|are) (?:said|reported) to\b|\breport of\b|\bpreviously reported\b/,
  },
  {
    modality: "up_to",
    scope: "local",
    dealOnly: false,
    re: /(?:\bup to|\bas much as|\bas high as|\bat most|\bno more than|\ba maximum of|\bcapped at)\s*$/i,
  },
  {
    modality: "approximately",
    scope: "local",
    dealOnly: false,
    re: /(?:\babout|\baround|\broughly|\bapproximately|\bapprox\.?|\bnearly|\balmost|\bsome|\bclose to|~|≈|\bcirca)\s*$/i,
  },
];

const DEAL_ATTRIBUTES = new Set([
  "funding_round_size",
  "valuation",
  "valuation_pre_money",
  "valuation_post_money",
  "investment_amount",
  "stake",
  "amount",
  "announcement_date",
  "closing_date",
]);

// Sentence-scope rules give the same answer for every figure of a sentence: remember them.
let memoText = "";
let memoHits: boolean[] = [];

function sentenceHits(sentence: string): boolean[] {
  if (sentence !== memoText) {
    memoText = sentence;
    memoHits = MODALITY_RULES.map((r) => r.scope === "sentence" && r.re.test(sentence));
  }
  return memoHits;
}

export function decideModality(attribute: string, ctx: FigureContext): Modality | null {
  const deal = DEAL_ATTRIBUTES.has(attribute);
  const local = ctx.left;
  const sentence = ctx.label && !ctx.s.includes(ctx.label) ? `${ctx.major} ${ctx.label}` : ctx.major;
  const clause = ctx.label ? `${ctx.clause} ${ctx.label}` : ctx.clause;
  const inSentence = sentenceHits(sentence);
  for (let i = 0; i < MODALITY_RULES.length; i++) {
    const rule = MODALITY_RULES[i] as ModalityRule;
    if (rule.dealOnly && !deal) continue;
    const hit = rule.scope === "sentence" ? inSentence[i] : rule.re.test(rule.scope === "local" ? local : clause);
    if (hit) return rule.modality;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Basis

const BASIS_BY_ATTRIBUTE: Record<string, string> = {
  valuation_pre_money: "pre_money",
  valuation_post_money: "post_money",
  run_rate_revenue: "run_rate",
};
const UPFRONT = /\bup-?front\b|\binitial (?:tranche|payment|investment|installment)\b/i;
const CONTINGENT = /\bcontingent\b|\bconditional\b|\bsubject to\b|\bmilestones?\b|\bwhen (?:certain )?conditions\b/i;
const BREAKDOWN_AFTER = /^[^()]{0,40}\([^)]*\b(?:up-?front|contingent|conditional)\b/i;
const TOTAL_BEFORE =
  /\b(?:total(?:ing|ling|led|ed)?|in total|combined|a total of|altogether|overall)\s*(?:of\s*)?(?:(?:about|approximately|roughly|around|nearly|some|an estimated)\s*)?[~≈]?\s*$/i;

export function decideBasis(attribute: string, modality: Modality | null, ctx: FigureContext, text: string): string | null {
  const byAttr = BASIS_BY_ATTRIBUTE[attribute];
  if (byAttr) return byAttr;
  if (attribute === "date" || attribute.endsWith("_date")) return null;
  const head = ctx.head;
  if (UPFRONT.test(head) || UPFRONT.test(ctx.clause)) return "upfront";
  if (modality === "contingent" || CONTINGENT.test(head)) return "contingent";
  if (BREAKDOWN_AFTER.test(text.slice(ctx.base + ctx.fe, ctx.base + ctx.fe + 120))) return "total";
  if (TOTAL_BEFORE.test(ctx.left) || /^(?:in total|total)\b/i.test(head)) return "total";
  return null;
}
