// The rule-based claim extractor: sentences -> figures -> (subject, attribute, value,
// counterparty, modality, basis, as-of) with exact offsets. Pure and deterministic: no
// network, no model, no clock; the same text and metadata always give the same output.
//
// Two passes. The first decides every figure from its own sentence (and the discourse so
// far). The second uses the whole article: a figure that says little takes its meaning from
// the same figure stated plainly elsewhere ("$852 Billion and Rising" is the post-money
// valuation of the body), and a change or multiple whose own words are silent takes what
// it changes from its neighbours ("more than doubling since summer" after a run rate).

import {
  GENERIC_ATTRIBUTES,
  baseFromWords,
  addedToMeasure,
  changeSign,
  decideAttribute,
  decideBasis,
  decideModality,
  orgMoveBefore,
  GATE,
  sentenceHas,
  type AttributeChoice,
} from "./attributes";
import { buildContext, tail, type FigureContext } from "./context";
import { findDates, isoDate, refFromDate, type RefDate, type RefInput } from "./dates";
import { lastNonSpace, lastWords, longest, mayEndIn } from "./endword";
import { EntityIndex, entityKey, type Mention } from "./entities";
import { decideDate } from "./eventdates";
import { findFigures } from "./figures";
import { countNounFollows } from "./quantities";
import { LEADING_DATE_MARKER, splitSentences } from "./sentences";
import { fromInvestorFollows, resolveMention, resolveParties, subjectMention, type Discourse, type Parties } from "./subjects";
import type { Figure, Modality, Sentence, Suggestion } from "./types";

export type { Modality, Suggestion } from "./types";
export { entityKey } from "./entities";

export const EXTRACTOR = { name: "corroborate-rules", version: "0.9.0" } as const;

/** What every extractor offers: a name and semver, and text + metadata in, suggestions out. */
export type Extractor = {
  name: string;
  version: string;
  extract: (text: string, meta?: { publishedAt?: Date | null }) => Suggestion[] | Promise<Suggestion[]>;
};

/** The rule-based extractor behind the common interface (the model one is in ./model). */
export const rulesExtractor: Extractor = { ...EXTRACTOR, extract: (text, meta) => extractClaims(text, meta) };

/** Attributes whose subject becomes "the round" that later anaphors point back to. */
const ROUND_ATTRIBUTES = new Set([
  "acquisition_price",
  "funding_round_size",
  "valuation",
  "valuation_pre_money",
  "valuation_post_money",
  "investment_amount",
]);

const CONTINUATION_BEFORE = /\b(?:a further|another|an additional|additional|further|the remaining|the rest of|the other|a second|the second)\s*$/i;
/** "the additional $35 billion", "the $122 billion": a figure the article has named before. */
const DEFINITE_BEFORE = /\bthe\s+(?:(?:additional|remaining|other|same|further|extra|full|whole|entire)\s+)?[~≈]?\s*$/i;
/** DEFINITE_BEFORE ends in "~", "≈" or one of these words. */
const DEFINITE_LAST = lastWords("the|additional|remaining|other|same|further|extra|full|whole|entire");
const DEFINITE_LAST_MAX = longest(DEFINITE_LAST);

function definiteBefore(left: string): boolean {
  const c = lastNonSpace(left);
  if (c !== 126 && c !== 0x2248 && !mayEndIn(left, DEFINITE_LAST, DEFINITE_LAST_MAX)) return false;
  return DEFINITE_BEFORE.test(left);
}
const EQUITY_OFFERING = /\bIPOs?\b|\binitial public offering\b|\b(?:share|stock) (?:sale|offering|placing|issue)\b|\bplacing\b|\bsold [\d.,]+(?: million| billion)? (?:new |additional |existing )?shares\b|\bfollow-on offering\b|\brights (?:offering|issue)\b|\b(?:stock market |share )?(?:listing|flotation)\b|\b(?:share |equity )?placements?\b|\b(?:sell(?:s|ing)?|sold)\s+(?:new\s+)?shares\b/i;
/** Read on the head words and on the left words apart: the same as on both joined by a space, without the joined copy. */
const ROUND_OR_FUNDING = /\b(?:round|funding)\b/i;
const ELLIPTICAL_CHANGE = /^\s*(?:[-•*]\s*)?(?:up|down|rose|fell|higher|lower|gained|lost|dropped|jumped|climbed|declined)\b[^\p{L}]*$/iu;
const TOTAL_ROW = /^(?:total|all|combined|overall|sum|aggregate)\b/i;

type Draft = {
  f: Figure;
  sentence: Sentence;
  si: number;
  ctx: FigureContext;
  attribute: string;
  strength: number;
  /** changes and multiples: what changed; null while unknown */
  base: string | null;
  /** a change or multiple whose measure is settled (possibly as a plain "change") */
  settled: boolean;
  sign: number;
  parties: Parties;
  /** "the additional $35 billion": false for dates, changes and multiples with a measure (not read for them) */
  definite: boolean;
  modality: Modality | null;
  basis: string | null;
  asOf: string | null;
};

export function extractClaims(text: string, meta?: { publishedAt?: Date | null }): Suggestion[] {
  if (!text) return [];
  const sentences = splitSentences(text);
  // The first full date of the text is looked for only when a date without a year needs it.
  const known = refFromDate(meta?.publishedAt) ?? markerDate(text);
  let fallbackRef: RefDate | null | undefined;
  const ref: RefInput = known ?? (() => (fallbackRef === undefined ? (fallbackRef = firstFullDate(text)) : fallbackRef));
  const entities = new EntityIndex(text, sentences);
  const disc = new SentenceDiscourse(entities.focus, (j) => subjectAfter(j));
  const drafts: Draft[] = [];
  let tableRows: string[] = [];

  // The discourse subject after each sentence, worked out only where a figure needs it.
  const after: Array<string | null | undefined> = new Array<string | null | undefined>(sentences.length);
  const figuresOf: Array<Figure[] | undefined> = [];
  const investorsOf: Array<Set<string> | undefined> = [];
  // The round subject as it stood at the end of each sentence: a sentence's discourse step reads
  // it as of then, however late the step is worked out.
  const roundAfter: Array<string | null> = [];
  const step = (k: number, prev: string | null): string | null => {
    const st = sentences[k] as Sentence;
    // A table row leaves the discourse as it was: its names are not looked for.
    if (st.table) return prev;
    const d: Discourse = { lastSubject: prev, lastRoundSubject: roundAfter[k] ?? null, focus: disc.focus };
    return discourseStep(d, st, text, entities.mentions(k), figuresOf[k] ?? NO_FIGURES, investorsOf[k] ?? NO_KEYS, entities);
  };
  const subjectAfter = (j: number): string | null => {
    const chain: number[] = [];
    let k = j;
    let base: string | null = null;
    for (; k >= 0; k--) {
      const known = after[k];
      if (known !== undefined) {
        base = known;
        break;
      }
      // A sentence whose subject does not depend on the one before settles the chain.
      const probe = step(k, PROBE);
      if (probe !== PROBE) {
        after[k] = probe;
        base = probe;
        break;
      }
      chain.push(k);
    }
    for (let x = chain.length - 1; x >= 0; x--) {
      const idx = chain[x] as number;
      base = step(idx, base);
      after[idx] = base;
    }
    return j >= 0 ? (after[j] ?? null) : null;
  };

  // Every sentence's figures first, in one run of the finders: the same work, but about 5% faster
  // than finding them between the decisions about each sentence's figures (the finders' code and
  // patterns stay warm in the processor's caches).
  for (let i = 0; i < sentences.length; i++) {
    const st = sentences[i] as Sentence;
    figuresOf[i] = findFigures(text, st.start, st.end, ref);
  }
  sentences.forEach((sentence, si) => {
    const figures = figuresOf[si] as Figure[];
    roundAfter[si] = disc.lastRoundSubject;
    if (!sentence.table || !sentence.table.header) tableRows = [];
    if (!figures.length && !sentence.table) return;
    const sText = text.slice(sentence.start, sentence.end);
    const decided: Decided = [];
    // the changes' and multiples' measures and parties, by figure index
    const moves: Array<{ base: string; parties: Parties; sign: number } | undefined> = [];
    // EQUITY_OFFERING.test(sText), asked at most once per sentence
    let equityOffering: boolean | undefined;
    // the counterparties of the sentence's figures, made when the first one is found
    let investors: Set<string> | undefined;
    // the sentence's dates, found when a figure first asks for its as-of date
    let dates: Figure[] | undefined;
    const row = tableRowInfo(text, sentence, entities, si);
    if (row.key) tableRows.push(row.key);
    if (!figures.length) return;
    disc.moveTo(si);

    // (the sentence's names, entities.mentions(si), are found when a figure first needs them:
    // a sentence whose only figures are page dates never does)
    figures.forEach((f, fi) => {
      const ctx = buildContext(sText, sentence, figures, fi);
      let attr: AttributeChoice;
      let parties: Parties;
      let base: string | null = null;
      let sign = 0;

      if (f.kind === "date") {
        const d = decideDate(f, ctx, figures, sentence);
        if (!d.claim) return;
        attr = { attribute: d.attribute, strength: d.strength };
        parties = resolveParties(attr.attribute, { ctx, mentions: entities.mentions(si), disc, entities, sentence });
      } else {
        const partyCtx = { ctx, mentions: entities.mentions(si), disc, entities, sentence };
        sign = changeSign(f, ctx, text.slice(f.start, f.end));
        // "rose 62 cents, or 3.3%": the same move in percent
        const sameMove = sign === 0 && f.kind === "percent" && fi > 0 ? moves[fi - 1] : undefined;
        const restated = sameMove && OR_GAP.test(sText.slice((figures[fi - 1] as Figure).end - sentence.start, ctx.fs)) ? sameMove : undefined;
        if (restated) sign = restated.sign;
        if (f.kind === "multiple" || sign !== 0) {
          base = f.exchangeRatio ? "" : restated ? restated.base : changeBase(f, fi, ctx, sentence, figures, decided, sign !== 0 && f.kind !== "multiple");
          attr = { attribute: f.kind === "multiple" ? "multiple" : "change", strength: base !== null ? 2 : 1 };
          parties = restated ? restated.parties : resolveParties(base ?? attr.attribute, partyCtx);
          if (base) moves[fi] = { base, parties, sign };
        } else {
          ({ attr, parties } = decide(f, fi, ctx, figures, decided, partyCtx));
          // "Analysts had on average expected ₹3,350 crore": a forecast of the measure the sentence before reported.
          if (f.kind === "money" && (attr.strength < 1.5 || GENERIC_ATTRIBUTES.has(attr.attribute)) && sentenceHas(sText, GATE.analysts) && EXPECTED_BY_ANALYSTS.test(sText.slice(0, ctx.fs))) {
            const reported = lastReported(drafts, si, f);
            if (reported) {
              attr = { attribute: reported.attribute, strength: 2 };
              parties = reported.parties;
            }
          }
          const moved = fi > 0 ? moves[fi - 1] : undefined;
          // "up 12% from the ¥375 billion it earned", "more than double the ₩146 billion": the level of what
          // moved, unless the figure's own words name its measure ("double the €2.9bn pre-money valuation").
          if (moved && (attr.strength < 3 || PRONOUN_VERB_AFTER.test(ctx.right)) && f.kind !== "count" && LEVEL_AFTER_MOVE.test(sText.slice((figures[fi - 1] as Figure).end - sentence.start, ctx.fs))) {
            attr = { attribute: moved.base, strength: 2 };
            parties = moved.parties;
          }
          if (attr.attribute === "funding_round_size" && !ROUND_OR_FUNDING.test(ctx.head) && !ROUND_OR_FUNDING.test(ctx.left) && (equityOffering ??= EQUITY_OFFERING.test(sText))) {
            attr = { ...attr, attribute: "equity_offering" };
          }
          // A bare count needs a countable noun somewhere ("reaching 1.6 million" users), else it is noise such as a tag;
          // a quantity quoted with its unit ("412,000 hectares") does not.
          if (f.kind === "count" && f.unit === "count" && attr.strength === 0 && !f.sameNounAsBefore && !countNounFollows(sText, ctx.fe)) return;
        // A market or a sector does not raise a round: what it took in is a total ("$145 billion for generative AI").
        if (attr.attribute === "funding_round_size" && parties.subjectName && !/\brounds?\b/i.test(`${ctx.left} ${ctx.head}`)) {
          attr = { ...attr, attribute: "total_funding" };
        }
        }
        decided[fi] = { attr, parties };
        for (const k of parties.counterpartyKeys) (investors ??= new Set<string>()).add(k);
      }
      if (row.total && tableRows.length > 1) parties = groupOf(tableRows, entities, 2.5);
      if (!parties.subject) return;
      const attribute = base ? `${base}_${f.kind === "multiple" ? "multiple" : "change"}` : attr.attribute;
      if (base === "") base = null; // a measure outside the list: a plain change, never borrowed from a neighbour
      const modality = decideModality(base ?? attr.attribute, ctx);
      drafts.push({
        f,
        sentence,
        si,
        ctx,
        attribute,
        strength: attr.strength,
        base,
        settled: base !== null || attr.strength >= 2,
        sign,
        parties,
        definite: f.kind !== "date" && base === null && sign === 0 && definiteBefore(tail(ctx.left, 40)),
        modality,
        basis: decideBasis(attribute, modality, ctx, text),
        asOf: f.kind === "date" ? null : pickAsOf(f, ctx, (dates ??= figures.filter((x) => x.kind === "date"))),
      });
      const needed = attr.attribute === "investment_amount" ? 3 : 2;
      if (ROUND_ATTRIBUTES.has(attr.attribute) && parties.subjectStrength >= needed && parties.subject) disc.lastRoundSubject = parties.subject;
    });

    investorsOf[si] = investors;
    roundAfter[si] = disc.lastRoundSubject;
  });

  sameFigureElsewhere(drafts);
  resolvePendingBases(drafts);

  const out: Suggestion[] = [];
  for (const d of drafts) pushSuggestions(out, d, text, entities);
  return out.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.counterparty ?? "").localeCompare(b.counterparty ?? ""),
  );
}

/**
 * The discourse the figures of a sentence read. The subject before the sentence is worked out
 * when a figure first reads it (most never do), which spares finding the names in the sentences
 * before it that nothing else reads.
 */
class SentenceDiscourse implements Discourse {
  lastRoundSubject: string | null = null;
  private before: string | null | undefined;
  private beforeIndex = -1;

  constructor(
    readonly focus: string | null,
    /** the discourse subject after sentence j */
    private readonly subjectAfter: (j: number) => string | null,
  ) {}

  get lastSubject(): string | null {
    if (this.before === undefined) this.before = this.subjectAfter(this.beforeIndex);
    return this.before;
  }

  /** Now for the figures of sentence si. */
  moveTo(si: number): void {
    this.before = undefined;
    this.beforeIndex = si - 1;
  }
}

type Decision = { attr: AttributeChoice; parties: Parties };
/** The decisions of a sentence's figures so far, by figure index. */
type Decided = Array<Decision | undefined>;

/** The suggestions of a draft, one per counterparty when each put in the amount, added to out. */
function pushSuggestions(out: Suggestion[], d: Draft, text: string, entities: EntityIndex): void {
  const { f, parties } = d;
  const subject = parties.subjectName ?? entities.displayName(parties.subject ?? "");
  const attribute = d.base ? `${d.base}_${f.kind === "multiple" ? "multiple" : "change"}` : d.attribute;
  // "a 22% discount to Wednesday's close": a premium below the price, so negative.
  const sign = d.sign === 0 && attribute === "premium" && DISCOUNT_HEAD.test(d.ctx.head) ? -1 : d.sign;
  let low = signed(f.low, sign);
  let high = signed(f.high, sign);
  if (sign < 0 && low !== null && high !== null) [low, high] = [high, low];
  const base: Suggestion = {
    subject,
    attribute,
    value: signed(f.value, sign),
    low,
    high,
    unit: f.unit,
    valueText: text.slice(f.start, f.end),
    counterparty: null,
    modality: d.modality,
    basis: d.basis,
    asOf: d.asOf,
    start: f.start,
    end: f.end,
    sentenceStart: d.sentence.start,
    sentenceEnd: d.sentence.end,
    confidence: score(f, d.strength, attribute, parties.subjectStrength, d.modality),
    extractor: EXTRACTOR.name,
    extractorVersion: EXTRACTOR.version,
  };
  const cps = parties.counterparties.length ? parties.counterparties.filter((n) => n !== subject) : parties.counterparties;
  if (parties.each && cps.length > 1) {
    for (const cp of cps) out.push({ ...base, counterparty: cp });
    return;
  }
  base.counterparty = cps.length ? cps.join(" and ") : null; // base is this suggestion's own object
  out.push(base);
}

const DISCOUNT_HEAD = /^\s*(?:discount|below)\b/i;

/** A value of a figure with the sign of its change: "-12" for "fell 12%". */
function signed(v: string | null, sign: number): string | null {
  return v === null || sign >= 0 || v === "0" ? v : v.startsWith("-") ? v : `-${v}`;
}

/** Attribute and parties of one figure, with the inheritance rules for breakdowns. */
function decide(
  f: Figure,
  fi: number,
  ctx: FigureContext,
  figures: Figure[],
  decided: Decided,
  partyCtx: Parameters<typeof resolveParties>[1],
): Decision {
  let attr = chooseAttribute(f, ctx, partyCtx.mentions, !!partyCtx.sentence.table);
  // "valued at $1.81 billion, up from $1.2 billion at its last fundraising": the same measure, earlier, whatever words follow.
  const upFrom = upFromPrevious(f, fi, ctx, figures, decided);
  if (upFrom) {
    const named = partyCtx.mentions.some((m) => m.kind === "org" && m.start >= (figures[fi - 1] as Figure).end && m.end <= f.start);
    // (an earlier valuation is not the same round's pre- or post-money one)
    const attribute = upFrom.attr.attribute.startsWith("valuation_") ? "valuation" : upFrom.attr.attribute;
    return { attr: { attribute, strength: 2 }, parties: named ? resolveParties(attribute, partyCtx) : upFrom.parties };
  }
  if (attr.strength > 1.5) return { attr, parties: resolveParties(attr.attribute, partyCtx) };
  // A weak figure may take the parties of another: its own are worked out only if it does not.
  const chosen = attr.attribute;
  let parties: Parties | null = null;
  // "$50 billion commitment ($15 billion upfront, ...)": a breakdown inherits from its total.
  const parentIdx = breakdownParent(ctx, figures, fi);
  const parent = parentIdx >= 0 ? decided[parentIdx] : undefined;
  if (parent && parent.attr.strength > 0 && figures[parentIdx]?.kind === f.kind) {
    return { attr: { attribute: parent.attr.attribute, strength: 2 }, parties: parent.parties };
  }
  // "$15 billion upfront, with a further $35 billion contingent": continues the previous amount.
  if (attr.strength === 0 && CONTINUATION_BEFORE.test(tail(ctx.left, 40))) {
    for (let j = fi - 1; j >= 0; j--) {
      const prev = decided[j];
      if (!prev || figures[j]?.kind !== f.kind) continue;
      if (prev.attr.strength > 0) {
        attr = { attribute: prev.attr.attribute, strength: 1.5 };
        parties = prev.parties;
      }
      break;
    }
  }
  // "15% of the market, with DeepSeek at 4%": a parallel figure takes the attribute of the one before it.
  if (attr.strength === 0) {
    for (let j = fi - 1; j >= 0; j--) {
      const prev = decided[j];
      if (!prev || figures[j]?.kind !== f.kind) continue;
      const between = ctx.s.slice((figures[j] as Figure).end - ctx.base, ctx.fs);
      // "R$0.62 a share, or R$760 million", "$1.38 a share ... from $453 million": a total after a per-share figure is not per share.
      const perShareToTotal = PER_SHARE_ATTRIBUTES.has(prev.attr.attribute) && !PER_SHARE_AFTER.test(ctx.right) && SCALED.test(ctx.s.slice(ctx.fs, ctx.fe));
      // (a change or a multiple is not a level's measure: "narrowed 12 basis points from a year earlier to 3.06%")
      const moved = prev.attr.attribute === "change" || prev.attr.attribute === "multiple";
      if (prev.attr.strength >= 1.5 && !GENERIC_ATTRIBUTES.has(prev.attr.attribute) && !perShareToTotal && !moved && PARALLEL_GAP.test(between)) {
        attr = { attribute: prev.attr.attribute, strength: 1.5 };
        // "up from $11 billion in 2024": the same measure of the same subject, earlier.
        const named = partyCtx.mentions.some((m) => m.kind === "org" && m.start >= (figures[j] as Figure).end && m.end <= f.start);
        if (!named) parties = prev.parties;
      }
      break;
    }
  }
  return { attr, parties: parties ?? resolveParties(chosen, partyCtx) };
}

/** "Analysts had on average expected", "Analysts polled by the company had forecast", "the consensus estimate was", "the average analyst estimate of". */
const EXPECTED_BY_ANALYSTS =
  /\b(?:analysts?|economists?)\b[^;]{0,60}\b(?:expected|forecast|estimated|predicted|projected|anticipated|pencil(?:l)?ed in)\s+(?:on average\s+|an average (?:of\s+)?)?(?:about\s+|around\s+)?[~≈]?\s*$|\b(?:consensus|analysts?['’]?)(?:\s+(?:estimate|forecast|expectation)s?)?\s+(?:was|of|is)\s+(?:about\s+|around\s+)?[~≈]?\s*$/i;

/** The last money figure of the one or two sentences before si, decided plainly, in f's unit. */
function lastReported(drafts: Draft[], si: number, f: Figure): Draft | undefined {
  for (let k = drafts.length - 1; k >= 0; k--) {
    const d = drafts[k] as Draft;
    if (d.si >= si) continue;
    if (d.si < si - 2) return undefined;
    if (d.f.kind === "money" && d.f.unit === f.unit && d.base === null && d.strength >= 2 && !GENERIC_ATTRIBUTES.has(d.attribute)) return d;
  }
  return undefined;
}

const OR_GAP = /^\s*,?\s*or\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$/;
/** "the ¥375 billion it earned": a verb after the figure, not a measure's name. */
const PRONOUN_VERB_AFTER = /^\s+(?:it|they|we|the company|the group)\s+[\p{Ll}]+/u;
/** Between a change or multiple and the level it moved from or to: " from the ", " the ", " to ". */
const LEVEL_AFTER_MOVE = /^\s*,?\s*(?:from|to|than|over|versus|vs\.?|compared with)?\s*(?:the\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?[~≈]?\s*$/;

const PER_SHARE_ATTRIBUTES = new Set(["dividend_per_share", "eps", "share_price", "offer_price"]);
const PER_SHARE_AFTER = /^\s*(?:a|per|each)\s+(?:share|ADR|ADS)\b/i;
/** An amount in millions or more, as written: "$453 million", "R$760m", "Rs 500 crore". */
const SCALED = /\d\s?(?:thousand|million|billion|trillion|bn|mn|mln|crore|lakh|[kmb])\b/i;
/** ", up from about", after the words of the figure before ("$1.81 billion before the new money, up from $1.2 billion") */
const UP_FROM_GAP = /^(?:[^,;.]{0,40},)?\s*(?:up|down)\s+from\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?[~≈]?\s*$/;

/** The decision of the figure right before f when f follows it as ", up from" / ", down from", else null. */
function upFromPrevious(f: Figure, fi: number, ctx: FigureContext, figures: Figure[], decided: Decided): Decision | null {
  const prev = fi > 0 ? figures[fi - 1] : undefined;
  const prevDecision = fi > 0 ? decided[fi - 1] : undefined;
  if (!prev || !prevDecision || prev.kind !== f.kind || prev.unit !== f.unit || prevDecision.attr.strength < 1.5 || GENERIC_ATTRIBUTES.has(prevDecision.attr.attribute)) return null;
  const gap = ctx.s.slice(prev.end - ctx.base, ctx.fs);
  return gap.includes("from") && UP_FROM_GAP.test(gap) ? prevDecision : null;
}

/** What connects two parallel figures: "..., with X at", "against X's", "up from", "compared with", "or about". */
const PARALLEL_GAP =
  /^[^;.]{0,60}\b(?:with|against|versus|vs\.?|compared with|compared to|from|while|and|or|topping|beating|above|below|missing|exceeding|ahead of|short of)\s+(?:[\p{L}\p{N}'’&.-]+\s+){0,4}?(?:at|of)?\s*$|,\s*(?:up|down)\s+from\s*$|^\s*(?:from|against|versus|vs\.?)\s*$/iu;

/** What a change or a multiple is of, from its own words, its table column, or the figure it follows. */
function changeBase(
  f: Figure,
  fi: number,
  ctx: FigureContext,
  sentence: Sentence,
  figures: Figure[],
  decided: Decided,
  isChange: boolean,
): string | null {
  const table = sentence.table;
  if (table?.header && ctx.label) {
    for (const h of table.header) {
      if (h === ctx.label) continue;
      const c = decideAttribute({ ...f, kind: "money" }, { ...ctx, label: h }, true, ["money", "count"]);
      if (c.strength >= 2 && !GENERIC_ATTRIBUTES.has(c.attribute)) return c.attribute.startsWith("valuation_") ? "valuation" : c.attribute;
    }
  }
  const added = addedToMeasure(f, ctx);
  if (added !== null) return added;
  const words = baseFromWords(f, ctx, !!table);
  if (words !== null) return words;
  // "$59.9 billion (+24% YoY)", "revenue of $14.2 billion on Wednesday, up 31%"
  const prevIdx = fi - 1;
  const prev = prevIdx >= 0 ? figures[prevIdx] : undefined;
  const prevDecision = prevIdx >= 0 ? decided[prevIdx] : undefined;
  if (prev && prevDecision && prev.kind !== "date" && !GENERIC_ATTRIBUTES.has(prevDecision.attr.attribute)) {
    const between = ctx.s.slice(prev.end - ctx.base, ctx.fs);
    if (between.length <= 40 && !/[;]/.test(between) && (/^\s*\(/.test(between) || /,\s*(?:up|down|rising|falling|an? (?:increase|rise|drop|decline) of)\b/i.test(between))) {
      const a = prevDecision.attr.attribute;
      return a.startsWith("valuation_") ? "valuation" : a;
    }
  }
  // ("Halvorn hired 5,000 engineers" is no move of a share price)
  if (isChange && f.kind !== "count" && orgMoveBefore(ctx)) return "share_price";
  return null;
}

/**
 * The same value stated plainly elsewhere in the article gives a weakly decided figure its
 * meaning and subject ("$852 Billion and Rising" in a headline; "the additional $35 billion").
 * A definite reference looks back; a bare repeat takes the strongest statement anywhere.
 */
function sameFigureElsewhere(drafts: Draft[]): void {
  const strong = drafts.filter((d) => d.f.kind !== "date" && !d.base && d.strength >= 2 && !GENERIC_ATTRIBUTES.has(d.attribute));
  for (const d of drafts) {
    if (d.f.kind === "date" || d.base || d.sign !== 0) continue;
    const weak = GENERIC_ATTRIBUTES.has(d.attribute) || d.strength < 1.5;
    if (!weak && !d.definite) continue;
    const same = strong.filter(
      (o) =>
        o !== d &&
        o.f.kind === d.f.kind &&
        o.f.unit === d.f.unit &&
        o.f.value === d.f.value &&
        o.f.low === d.f.low &&
        o.f.high === d.f.high &&
        // a figure clearly about someone else is another fact that happens to share the value
        (o.parties.subject === d.parties.subject || d.parties.subjectStrength < 1.5),
    );
    if (!same.length) continue;
    const earlier = same.filter((o) => o.f.start < d.f.start);
    if (d.definite && !weak && !earlier.length) continue;
    const pool = d.definite && earlier.length ? earlier.slice(-1) : same;
    let best = pool[0] as Draft;
    for (const o of pool) {
      if (o.strength > best.strength || (o.strength === best.strength && Math.abs(o.f.start - d.f.start) < Math.abs(best.f.start - d.f.start))) best = o;
    }
    d.attribute = best.attribute;
    d.strength = Math.min(best.strength, 2);
    d.parties = best.parties;
    d.basis = d.basis ?? best.basis;
    if (!d.modality && (best.modality === "contingent" || best.modality === "estimate")) d.modality = best.modality;
  }
}

/** Changes and multiples whose words were silent take the figure they follow, then the one they lead to, then the last change before. */
function resolvePendingBases(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    if (d.settled || (d.f.kind !== "multiple" && d.sign === 0)) return;
    const level = (o: Draft | undefined): o is Draft =>
      !!o && o.si === d.si && o.f.kind !== "date" && o.f.kind !== "multiple" && o.sign === 0 && !GENERIC_ATTRIBUTES.has(o.attribute);
    const prev = drafts[i - 1];
    const next = drafts[i + 1];
    let from: Draft | null = null;
    if (level(prev) && !/;/.test(d.ctx.s.slice(prev.f.end - d.ctx.base, d.ctx.fs))) from = prev;
    else if (level(next) && /^\s*(?:[\p{L}-]+\s+){0,2}?(?:to|at)\s|^,?\s*reaching\b/iu.test(d.ctx.s.slice(d.ctx.fe, next.f.start - d.ctx.base))) from = next;
    if (from) {
      d.base = from.attribute.startsWith("valuation_") ? "valuation" : from.attribute;
      d.settled = true;
      if (d.parties.subjectStrength < 2) d.parties = from.parties;
      return;
    }
    // "Stock down 50% over the past year. Down 25% since the start of 2026."
    if (d.sign !== 0 && ELLIPTICAL_CHANGE.test(d.ctx.s.slice(0, d.ctx.fs))) {
      for (let j = i - 1; j >= 0 && (drafts[j] as Draft).si >= d.si - 2; j--) {
        const o = drafts[j] as Draft;
        if (o.sign !== 0 && o.base) {
          d.base = o.base;
          d.settled = true;
          if (d.parties.subjectStrength < 2) d.parties = o.parties;
          return;
        }
      }
    }
  });
}

function tableRowInfo(text: string, sentence: Sentence, entities: EntityIndex, si: number): { key: string | null; total: boolean } {
  const first = sentence.table?.cells[0];
  if (!first || !sentence.table?.header) return { key: null, total: false };
  const label = text.slice(first[0], first[1]);
  if (TOTAL_ROW.test(label)) return { key: null, total: true };
  const m = entities.mentions(si).find((x) => x.kind === "org" && x.start >= first[0] && x.end <= first[1]);
  return { key: m?.key ?? null, total: false };
}

function groupOf(keys: string[], entities: EntityIndex, strength: number): Parties {
  const names = [...new Set(keys.map((k) => entities.displayName(k)))];
  const name = names.length > 2 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join(" and ");
  return { subject: entityKey(name), subjectName: name, subjectStrength: strength, counterparties: [], counterpartyKeys: [], each: false };
}

const NO_FIGURES: Figure[] = [];
const NO_KEYS = new Set<string>();
/** Stands for "the subject before this sentence" while testing whether a sentence depends on it. */
const PROBE = "\u0000probe";

/** The discourse subject after a sentence that is not a table row, for "the company" / "it" in the sentences that follow. */
function discourseStep(
  disc: Discourse,
  sentence: Sentence,
  text: string,
  mentions: Mention[],
  figures: Figure[],
  investors: Set<string>,
  entities: EntityIndex,
): string | null {
  const firstFigure = figures.find((f) => f.kind !== "date");
  const before = firstFigure ? mentions.filter((m) => m.start < firstFigure.start) : mentions;
  const said = subjectMention(before);
  // "At $24 a share, the offering valued Lumenfold at $4.8 billion": a sentence whose subject is
  // no company (or a deal) but which names the article's main subject returns to it.
  if ((!said || said.kind === "round") && disc.focus && disc.lastSubject !== disc.focus && mentions.some((m) => m.kind === "org" && m.key === disc.focus)) return disc.focus;
  const subject = said ? resolveMention(said, before, disc) : null;
  // An investor named as the subject ("SoftBank invested $30 billion in OpenAI") is a side player;
  // so is a project or a plant, which "the group" or "it" in the next sentence does not mean.
  if (subject && !investors.has(subject) && !entities.isAsset(subject)) return subject;
  // A section heading without a name ("What to Watch") returns to the article's main subject.
  if (sentence.headline && !text.slice(sentence.start, sentence.end).includes(":") && !mentions.some((m) => m.kind === "org")) return disc.focus;
  return disc.lastSubject;
}

function chooseAttribute(f: Figure, ctx: FigureContext, mentions: Mention[], inTable: boolean): AttributeChoice {
  // ("debt financing of $2.35 billion from Bank of Meridian": a loan from its lenders, not an investment)
  if (f.kind === "money" && fromInvestorFollows(ctx, mentions)) {
    return DEBT_NEAR_BEFORE.test(tail(ctx.left, 40)) ? { attribute: "debt_financing", strength: 3 } : { attribute: "investment_amount", strength: 3 };
  }
  // "an additional $10 billion may follow from venture capital firms": unnamed investors.
  // FROM_INVESTORS needs "from" within the first 30 characters after the figure.
  if (f.kind === "money" && fromSoonAfter(ctx) && FROM_INVESTORS.test(ctx.s.slice(ctx.fe, ctx.fe + 80))) return { attribute: "investment_amount", strength: 2 };
  return decideAttribute(f, ctx, inTable);
}

function fromSoonAfter(ctx: FigureContext): boolean {
  const i = ctx.s.indexOf("from", ctx.fe);
  return i >= 0 && i - ctx.fe <= 30;
}

/** "debt financing of", "a credit facility of about": a loan named right before its amount. */
const DEBT_NEAR_BEFORE = /\b(?:debt|loans?|credit|borrowing|bonds?|notes)(?:\s+(?:financing|facility|facilities|package|line))?\s+(?:of\s+)?(?:about\s+|around\s+|up to\s+)?$/i;
const FROM_INVESTORS =
  /^[^,;.]{0,30}\bfrom\s+(?:[\p{L}-]+\s+){0,3}?(?:investors|backers|firms|funds|shareholders|venture capitalists|VCs|family offices)\b/u;

/** Index of the figure whose parenthesised breakdown contains figure `fi`, or -1. */
function breakdownParent(ctx: FigureContext, figures: Figure[], fi: number): number {
  let depth = 0;
  let open = -1;
  for (let i = ctx.fs - 1; i >= 0; i--) {
    const ch = ctx.s[i];
    if (ch === ")") depth++;
    else if (ch === "(") {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return -1;
  for (let j = fi - 1; j >= 0; j--) {
    const g = figures[j] as Figure;
    const gEnd = g.end - ctx.base;
    if (gEnd > open) continue;
    const between = ctx.s.slice(gEnd, open);
    return /^[^,;:()]*$/.test(between) && between.trim().split(/\s+/).length <= 4 ? j : -1;
  }
  return -1;
}

function score(f: Figure, attrStrength: number, attribute: string, subjectStrength: number, modality: Modality | null): number {
  let c = 0.25 + 0.1 * Math.min(subjectStrength, 3) + 0.1 * Math.min(attrStrength, 3);
  if (modality) c += 0.03;
  if (f.kind === "date") c *= attribute === "date" ? 0.6 : 0.85;
  if (GENERIC_ATTRIBUTES.has(attribute) && f.kind === "count") c *= 0.6;
  if (attribute === "change" || attribute === "multiple") c *= 0.8;
  return Math.round(Math.min(0.95, Math.max(0.05, c)) * 100) / 100;
}

/** The as-of date of a figure: a date in brackets right after it, else the nearest in its clause, else the sentence's only date. */
function pickAsOf(f: Figure, ctx: FigureContext, dates: Figure[]): string | null {
  if (!dates.length) return null;
  const dayOf = (d: Figure): string | null => d.value ?? d.low;
  const paren = /^\s*\(/.exec(ctx.s.slice(ctx.fe));
  if (paren) {
    const d = dates.find((x) => x.start === f.end + paren[0].length);
    if (d) return dayOf(d);
  }
  const cs = ctx.base + ctx.clauseStart;
  const ce = ctx.base + ctx.clauseEnd;
  let best: Figure | null = null;
  let gap = Infinity;
  for (const d of dates) {
    if (d.start < cs || d.end > ce) continue;
    const g = d.end <= f.start ? f.start - d.end : d.start - f.end;
    if (g < gap) {
      best = d;
      gap = g;
    }
  }
  if (best) return dayOf(best);
  return dates.length === 1 && dates[0] ? dayOf(dates[0]) : null;
}

function markerDate(text: string): RefDate | null {
  const m = LEADING_DATE_MARKER.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isoDate(y, mo, d) ? { y, m: mo, d } : null;
}

/** Without a publication date, the first full date near the top of the article stands in. */
function firstFullDate(text: string): RefDate | null {
  const first = findDates(text, 0, Math.min(text.length, 4000), null, true).find((d) => d.granularity === "day" && d.value);
  if (!first?.value) return null;
  const [y, m, d] = first.value.split("-").map(Number);
  return y && m && d ? { y, m, d } : null;
}
