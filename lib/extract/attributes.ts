// What a figure measures (attribute), how certain the sentence says it is (modality) and on
// what basis (pre-/post-money, upfront, contingent, total, run rate). Table-driven: each
// rule names the figure kinds it applies to, its keywords, and an optional "left" pattern
// for words that bind to the figure that follows them ("valued at", "revenue of").

import { isSpaceCode, tail, type FigureContext } from "./context";
import { endWord, lastNonSpace, lastWords, longest, mayEndIn } from "./endword";
import { FragmentGroups, hasGroup } from "./fragment-groups";
import { SECTOR_WORDS } from "./lexicon-data";
import type { Figure, FigureKind, Modality } from "./types";

type AttrRule = {
  attribute: string;
  kinds: FigureKind[];
  /** keywords, searched in the head, the windows, the clause and the label */
  kw: RegExp;
  /** anchored at the end of the left window: words that introduce the figure */
  left?: RegExp;
  /**
   * With left: the words it can end in (white space aside; with leftColon, also before a
   * final ":"), a cheap test before it. Each is the last run of letters of a match.
   */
  leftEnd?: string;
  leftColon?: boolean;
  /** tested on the head words only: nouns that name what the amount buys ("a $2 billion plant") */
  head?: RegExp;
  /**
   * Lowercase fragments, one of which every match of kw (and of left) holds: a sentence
   * without one skips the rule, and a window without one skips the regex. The rules whose
   * matches may hold none are listed in KEYWORDS_WITHOUT_HINT and LEFT_WITHOUT_HINT
   * (attributes.test.ts checks this on every labelled and held-out text).
   */
  hint: string[];
};

export const ATTRIBUTE_RULES: AttrRule[] = [
  {
    attribute: "valuation_pre_money", hint: ["pre"],
    kinds: ["money"],
    kw: /\bpre-?money\b/gi,
    left: /\bpre-?money(?:\s+valuation)?(?:\s+(?:has|had|of|at|to|was|is|stood|reached|hit|soared|rose|climbed|jumped)){0,3}\s*:?\s*$/i,
    leftEnd: "money|premoney|valuation|has|had|of|at|to|was|is|stood|reached|hit|soared|rose|climbed|jumped",
    leftColon: true,
  },
  {
    attribute: "valuation_post_money", hint: ["post", "after the", "after its"],
    kinds: ["money"],
    kw: /\bpost-?money\b|\bafter the (?:investment|round|deal|raise|financing)\b/gi,
    left: /\bpost-?money(?:\s+valuation)?(?:\s+(?:has|had|of|at|to|was|is|stood|reached|hit|soared|rose|climbed|jumped)){0,3}\s*:?\s*$/i,
    leftEnd: "money|postmoney|valuation|has|had|of|at|to|was|is|stood|reached|hit|soared|rose|climbed|jumped",
    leftColon: true,
  },
  {
    attribute: "run_rate_revenue", hint: ["run", "annuali", "arr", "recurring"],
    kinds: ["money"],
    kw: /\brun[- ]rate\b|\bannuali[sz]ed\s+(?:revenue|sales)\b|\bannual recurring revenue\b|\bARR\b/gi,
    left: /(?:\brun[- ]rate(?:\s+revenue)?|\bARR|\bannuali[sz]ed\s+(?:revenue|sales)|\bannual recurring revenue)(?:\s+(?:of|at|to|was|is|has|had|have|surpassed|reached|hit|hits|topped|exceeded|passed|crossed|grew|rose|climbed|jumped)){0,3}\s*:?\s*$/i,
    leftEnd: "rate|revenue|arr|sales|of|at|to|was|is|has|had|have|surpassed|reached|hit|hits|topped|exceeded|passed|crossed|grew|rose|climbed|jumped",
    leftColon: true,
  },
  {
    attribute: "eps", hint: ["eps", "per share", "per-share", "per diluted"],
    kinds: ["money"],
    kw: /\bEPS\b|\b[Ee]arnings per (?:diluted )?share\b|\bper-share (?:earnings|profit)\b/g,
    left: /(?:\bEPS|\bearnings per (?:diluted )?share)(?:\s+(?:of|was|were|is|came in at|at|to|rose|fell|hit)){0,3}\s*:?\s*$/i,
    leftEnd: "eps|share|of|was|were|is|at|to|rose|fell|hit",
    leftColon: true,
  },
  {
    attribute: "offer_price", hint: ["offer", "ipo price", "price range", "marketed range", "priced", "pay", "bid"],
    kinds: ["money"],
    kw: /\boffer(?:ing)? price\b|\bIPO price\b|\b(?:initial )?public offering price\b|\bprice range\b|\bmarketed range\b|\bpriced (?:its |the )?(?:IPO|shares|offering)\b/gi,
    left: /(?:\b(?:will |would |agreed to |to )?pay(?:ing|s)?|\boffer(?:ed|ing|s)?|\bbid|\bpriced (?:[\p{L}'’-]+\s+){0,3}at|\boffer price of|\bIPO price of)\s*$/iu,
    leftEnd: "pay|paying|pays|offer|offered|offering|offers|bid|at|of",
  },
  { attribute: "pretax_profit", hint: ["pre-tax", "pretax", "before tax"], kinds: ["money"], kw: /\bpre-?tax (?:profits?|income|earnings)\b|\bprofits? before tax(?:ation)?\b/gi },
  { attribute: "operating_income", hint: ["operating", "ebit"], kinds: ["money"], kw: /\boperating (?:income|profits?|earnings)\b|\bEBIT\b/gi },
  { attribute: "ebitda", hint: ["ebitda"], kinds: ["money"], kw: /\b(?:adjusted )?EBITDA\b/gi },
  { attribute: "gross_profit", hint: ["gross profit"], kinds: ["money"], kw: /\bgross profits?\b/gi },
  { attribute: "dividends", hint: ["dividend"], kinds: ["money"], kw: /\bdividends?\b/gi },
  { attribute: "deposits", hint: ["deposit"], kinds: ["money"], kw: /\b(?:customer )?deposits\b/gi },
  { attribute: "assets_under_management", hint: ["under management", "aum"], kinds: ["money"], kw: /\b[Aa]ssets under management\b|\bAUM\b/g },
  { attribute: "free_cash_flow", hint: ["free cash", "fcf"], kinds: ["money"], kw: /\bfree cash flow\b|\bFCF\b/gi },
  { attribute: "net_loss", hint: ["loss", "lost"], kinds: ["money"], kw: /\bnet loss(?:es)?\b|\boperating loss(?:es)?\b|\blost\b/gi },
  { attribute: "net_income", hint: ["net ", "profit", "earned", "bottom line"], kinds: ["money"], kw: /\bnet (?:income|profit|earnings)\b|(?<!-)\bprofits?\b|\bearned\b|\bbottom line\b/gi },
  {
    attribute: "expenses", hint: ["expense", "operating cost", "opex", "charge"], kinds: ["money"],
    kw: /\b(?:total |operating )?expenses\b|\boperating costs\b|\bopex\b|\b(?:one-off|one-time|restructuring|impairment|exceptional|non-recurring)\s+charges?\b/gi,
  },
  {
    attribute: "bookings",
    hint: ["booking", "book of business", "backlog", "order book", "orders received", "order intake", "contract value", "tcv"],
    kinds: ["money"],
    kw: /\bbookings\b|\bbook of business\b|\bbacklog\b|\border book\b|\borders received\b|\border intake\b|\btotal contract value\b|\bTCV\b/gi,
  },
  {
    attribute: "buyback", hint: ["buy-back", "buyback", "repurchase", "buy back", "buys back", "bought back", "buying back"], kinds: ["money"],
    kw: /\b(?:share )?buy-?backs?\b|\b(?:share |stock )?repurchases?\b/gi,
    // "will buy back up to ¥300 billion of its own shares", "has repurchased $1.4 billion of stock"
    left: /\b(?:buy(?:s|ing)?\s+back|bought\s+back|repurchas(?:e|es|ed|ing))\s*$/i,
    leftEnd: "back|repurchase|repurchases|repurchased|repurchasing",
  },
  { attribute: "enterprise_value", hint: ["enterprise value"], kinds: ["money"], kw: /\benterprise value\b/gi },
  { attribute: "market_capitalization", hint: ["market"], kinds: ["money"], kw: /\bmarket (?:value|cap|capitali[sz]ation)\b|\bmarket-cap\b/gi },
  { attribute: "cost_savings", hint: ["saving", "synerg"], kinds: ["money"], kw: /\b(?:cost )?savings\b|\bsynerg(?:y|ies)\b/gi },
  {
    attribute: "equity_offering", hint: ["placing", "rights issue", "offering", "sale", "issue"],
    kinds: ["money"],
    kw: /\b(?:share|stock|equity) (?:placing|sale|offering|issue)\b|\bplacing\b|\brights issue\b|\bfollow-on offering\b/gi,
  },
  {
    attribute: "debt_financing", hint: ["debt", "loan", "credit", "bond", "borrow", "sukuk", "note", "debenture"],
    kinds: ["money"],
    // (not a lender's "loan losses" or "loan-loss provisions")
    kw: /\bdebt\b|\bloans?\b(?![\s-]loss)|\bcredit (?:facility|line)\b|\bbonds?\b|\bborrow(?:ed|ing|s)?\b|\bsukuks?\b|\b(?:senior|secured|unsecured|convertible)\s+notes\b|\bdebentures?\b/gi,
  },
  {
    attribute: "acquisition_price", hint: ["acqui", "takeover", "buy", "bought", "purchase", "merger"],
    kinds: ["money"],
    kw: /\bacqui(?:re[sd]?|ring|sitions?)\b|\btakeovers?\b|\bbuy(?:s|ing)?\b|\bbought\b|\bpurchases?\b|\bmergers?\b/gi,
    left: /\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|takeover of|acquisition of)\s+(?:[\p{L}\p{N}'’&.-]+\s+){0,5}?for\s*$/iu,
    leftEnd: "for",
  },
  {
    attribute: "total_funding", hint: ["to date", "total", "cumulative"],
    kinds: ["money"],
    kw: /\bto date\b|\btotal (?:funding|raised)\b|\bcumulative(?:ly)?\b|\bin total funding\b/gi,
  },
  {
    attribute: "capital_expenditure", hint: ["capex", "capital"],
    kinds: ["money"],
    kw: /\bcapex\b|\bcapital expenditures?\b|\bcapital spending\b|\bcapital (?:budget|investment plan)\b/gi,
    // ("raised its capital budget for this year to as much as US$12 billion")
    left: /(?:\bcapex|\bcapital expenditures?|\bcapital spending|\bcapital budget(?:\s+for\s+(?:this|next|the)\s+year)?)(?:\s+(?:of|at|to|will|is|are|was|be|reach|hit|total|projected|expected|forecast|as much as|up to)){0,4}\s*:?\s*$/i,
    leftEnd: "capex|expenditure|expenditures|spending|budget|year|of|at|to|will|is|are|was|be|reach|hit|total|projected|expected|forecast|as",
    leftColon: true,
  },
  {
    attribute: "spending_commitment", hint: ["spend", "committed to", "invest", "plant", "factory", "facilit", "campus", "project", "expansion", "build", "program"],
    kinds: ["money"],
    kw: /\bspending\b|\bto spend\b|\bspend(?:s|ing)?\b|\bcommitted to\b|\binvest(?:ment)? plans?\b/gi,
    head: /^(?:[\p{L}-]+\s+){0,2}(?:plant|factory|facility|campus|project|expansion|build-?out|programme|program)\b/iu,
  },
  { attribute: "net_interest_margin", hint: ["net interest margin", "nim"], kinds: ["percent"], kw: /\b[Nn]et interest margins?\b|\bNIM\b/g },
  { attribute: "cet1_ratio", hint: ["cet1", "tier 1", "tier one"], kinds: ["percent"], kw: /\bCET1\b|\b(?:common equity )?tier (?:1|one)(?: capital)? ratio\b/gi },
  { attribute: "return_on_equity", hint: ["return on", "roe", "rote"], kinds: ["percent"], kw: /\b[Rr]eturn on (?:tangible )?equity\b|\bRoT?E\b/g },
  { attribute: "ebitda_margin", hint: ["ebitda margin"], kinds: ["percent"], kw: /\bEBITDA margins?\b/gi },
  { attribute: "market_share", hint: ["share"], kinds: ["percent"], kw: /\bmarket share\b|\bshare of (?:the )?(?:[\p{L}-]+\s+){0,3}(?:market|capacity|shipments|deliveries|traffic)\b/giu },
  { attribute: "gross_margin", hint: ["gross margin"], kinds: ["percent"], kw: /\bgross margins?\b/gi },
  { attribute: "operating_margin", hint: ["operating margin"], kinds: ["percent"], kw: /\boperating margins?\b/gi },
  // (a discount is a negative premium: see pushSuggestions)
  // (the "to" only looked at: a head cut before it, "a 32% discount | to Tuesday's close and 25% below", still holds the hit)
  { attribute: "premium", hint: ["premium", "discount"], kinds: ["percent"], kw: /\bpremium\b|\bdiscount(?=\s+(?:to|on)\b)/gi },
  {
    attribute: "stake", hint: ["stake", "holding", "ownership", "own", "equity", "hold"], kinds: ["percent"],
    // "18.5% owned by", "which together hold 19.8% of the stock" ("hold" only right before a number: not "hold rates at")
    kw: /\bstakes?\b|\bholdings?\b|\bownership\b|\bown(?:s|ed)?\b|\bequity\b(?!\s+value)|\bhold(?:s|ing)?\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|a\s+combined\s+)?(?=\d)/gi,
  },
  {
    // (an insurer's "gross written premiums" are its sales)
    attribute: "revenue", hint: ["revenue", "sales", "turnover", "top line", "written premium"],
    kinds: ["money"],
    kw: /\brevenues?\b|\bsales\b|\bturnover\b|\btop line\b|\bwritten premiums?\b/gi,
    left: /\b(?:revenues?|sales|turnover|written premiums?)(?:\s+(?:of|at|to|was|were|is|has|have|reached|hit|hits|topped|surpassed|exceeded|totaled|totalled|grew|rose|climbed|jumped|fell|dropped)){0,3}\s*:?\s*$/i,
    leftEnd: "revenue|revenues|sales|turnover|premium|premiums|of|at|to|was|were|is|has|have|reached|hit|hits|topped|surpassed|exceeded|totaled|totalled|grew|rose|climbed|jumped|fell|dropped",
    leftColon: true,
  },
  {
    attribute: "deal_value", hint: ["deal", "agreement", "contract", "pact", "partnership"],
    kinds: ["money"],
    kw: /\bdeals?\b|\bagreements?\b|\bcontracts?\b|\bpact\b|\bpartnership\b/gi,
    left: /\b(?:deal|agreement|contract|pact)\s+(?:worth|valued at|of)\s*$/i,
    leftEnd: "worth|at|of",
  },
  {
    attribute: "valuation", hint: ["valu", "worth"],
    kinds: ["money"],
    // (not the value of an order, a book or a face: "average order value has climbed to Rs 540")
    kw: /\bvaluations?\b|\bvalued\b|\bvaluing\b|(?<!\b(?:order|basket|book|face|par|fair|asset|transaction|lifetime|merchandise|trade|residual|notional|resale|trading|export|import|production|sales|equity|enterprise|deal|contract)\s)\bvalue\b/gi,
    left: /(?:\bvalu(?:e|es|ed|ing)\s+(?:[\p{L}\p{N}'’&.-]+\s+){0,4}?at|\bvaluations?(?:\s+(?:has|had|have|of|at|to|was|is|stood|reached|hit|soared|rose|climbed|jumped|surged|fell|dropped)){1,3}|\bvaluations?\s*:|\bworth)\s*$/iu,
    leftEnd: "at|has|had|have|of|to|was|is|stood|reached|hit|soared|rose|climbed|jumped|surged|fell|dropped|valuation|valuations|worth",
    leftColon: true,
  },
  {
    attribute: "investment_amount", hint: ["invest", "stake", "bet", "check", "cheque", "commitment", "contribut", "pledg", "inject", "pour", "put in", "puts in", "putting in"],
    kinds: ["money"],
    kw: /\binvest(?:s|ed|ing|ment|ments)?\b|\bstakes?\b|\bbets?\b|\bche(?:ck|que)\b|\bcommitments?\b|\bcontribut(?:e|es|ed|ing|ion|ions)\b|\bpledg(?:e|es|ed|ing)\b|\binjection\b/gi,
    left: /(?:\binvest(?:s|ed|ing)?|\bcontribut(?:e|es|ed|ing)|\bpledg(?:e|es|ed|ing)|\bpour(?:s|ed|ing)?|\binject(?:s|ed|ing)?|\b(?:put|puts|putting) in|\b(?:investment|commitment|contribution|stake)\s+(?:of|worth|valued at))\s*$/i,
    leftEnd: "invest|invests|invested|investing|contribute|contributes|contributed|contributing|pledge|pledges|pledged|pledging|pour|pours|poured|pouring|inject|injects|injected|injecting|in|of|worth|at",
  },
  {
    attribute: "funding_round_size", hint: ["round", "rais", "funding", "financing", "fundrais", "secur", "clos", "war chest", "venture", "capital", "seek", "land", "bag"],
    kinds: ["money"],
    kw: /\brounds?\b|\brais(?:e|es|ed|ing)\b|\bfunding\b|\bfinancing\b|\bfundrais\w*|\bsecur(?:e|es|ed|ing)\b|(?<!\bopen(?:ed)? or )\bclos(?:e|es|ed|ing)\b(?!\s+(?:price|prices|bell|down|up|higher|lower|flat|stores|shops|branches|sites|outlets|plants|factories|restaurants)\b)|\bwar chest\b|\bventure (?:capital|funding)\b|\bin\s+(?:new\s+|fresh\s+|committed\s+|private\s+|growth\s+|venture\s+)?capital\b/gi,
    left: /(?:\brais(?:e|es|ed|ing)|\bseek(?:s|ing)?|\blooking to raise|\bsecur(?:e|es|ed|ing)|\bclos(?:e|es|ed|ing)(?:\s+at)?|\bland(?:s|ed)?|\bbag(?:s|ged)?|\b(?:round|raise|funding|financing|fundraise|fundraising)\s+(?:of|closed at|totall?ing|worth)|\b(?:round|raise|funding|financing)\s*:)\s*$/i,
    leftEnd: "raise|raises|raised|raising|seek|seeks|seeking|secure|secures|secured|securing|close|closes|closed|closing|at|land|lands|landed|bag|bags|bagged|of|totaling|totalling|worth|round|funding|financing",
    leftColon: true,
  },
  { attribute: "users", hint: ["user", "subscriber", "customer", "member", "account", "download", "developer", "client"], kinds: ["count"], kw: /\busers\b|\bsubscribers\b|\bcustomers\b|\bmembers\b|\baccounts\b|\bdownloads\b|\bdevelopers\b|\bclients\b|\b(?:user|subscriber|customer) base\b/gi },
  { attribute: "headcount", hint: ["employ", "staff", "worker", "headcount", "workforce", "jobs"], kinds: ["count"], kw: /\bemployees\b|\bstaff\b|\bworkers\b|\bheadcount\b|\bemploys?\b|\bworkforce\b|\bjobs\b/gi },
  { attribute: "chip_count", hint: ["chip", "gpu", "accelerator", "processor", "wafer"], kinds: ["count"], kw: /\bchips?\b|\bGPUs?\b|\baccelerators?\b|\bprocessors?\b|\bwafers\b/gi },
  { attribute: "shares_offered", hint: ["shares"], kinds: ["count"], kw: /\bshares\b/gi },
  { attribute: "deliveries", hint: ["deliver", "shipment", "vehicle", "cars", "units sold"], kinds: ["count"], kw: /\bdeliver(?:ed|ies|s|ing)?\b|\bshipments\b|\bvehicles\b|\bcars\b|\bunits sold\b/gi },
  {
    attribute: "production_capacity",
    hint: ["solar", "wind", "plant", "farm", "generat", "renewable", "batter", "storage", "hydro", "nuclear", "reactor", "turbine", "cell", "factory", "projects"],
    kinds: ["power"],
    kw: /\bsolar\b|\bwind\b|\bplants?\b|\bfarms?\b|\bgenerat\w*|\brenewables?\b|\bbatter(?:y|ies)\b|\bstorage\b|\bhydro\w*|\bnuclear\b|\breactors?\b|\bturbines?\b|\bcells?\b|\bfactor(?:y|ies)\b|\bprojects\b/gi,
  },
  {
    attribute: "compute_capacity", hint: ["comput", "inference", "training", "data", "chip", "gpu", "cluster", "accelerator", "ai"],
    kinds: ["power"],
    kw: /\bcompute\b|\bcomputing\b|\binference\b|\btraining\b|\bdata[- ]cent(?:er|re)s?\b|\bchips?\b|\bGPUs?\b|\bclusters?\b|\baccelerators?\b|\bAI\b/gi,
  },
];

/** Each rule's leftEnd words, by rule index (null without a left pattern). */
const LEFT_ENDS: Array<Set<string> | null> = ATTRIBUTE_RULES.map((r) => {
  if (!r.left) return null;
  if (!r.leftEnd) throw new Error(`attribute rule ${r.attribute}: a left pattern needs its leftEnd words`);
  return new Set(r.leftEnd.split("|"));
});
const LEFT_END_MAX = Math.max(...LEFT_ENDS.map((w) => (w ? longest(w) : 0)));

/** A more specific attribute that wins over the general one when both fit. */
const REFINES: Record<string, string> = {
  run_rate_revenue: "revenue",
  valuation_pre_money: "valuation",
  valuation_post_money: "valuation",
  debt_financing: "funding_round_size",
  total_funding: "funding_round_size",
};

/** A move or close of a listed company's shares ("shares jumped 31%", "the stock has risen 31%", "shares closed at"). */
const STOCK_MOVE =
  /\b(?:shares?|stock|ADRs?)\b[^.;]{0,80}?\b(?:rose|fell|gained|jumped|climbed|dropped|slid|slipped|surged|soared|tumbled|plunged|sank|rallied|closed|ended|traded|(?:has|have|had) (?:risen|gained|fallen|climbed|dropped|lost))\b/i;
/** A round, a sale of shares to investors or a tender: there a value set by a deal, not by the market. */
const PRIVATE_VALUE = /\b(?:rounds?|rais(?:e|es|ed|ing)|funding|financing|investors?|tender|secondary|private(?! equity)|sale|sold)\b/i;

/** A takeover or merger in the sentence: a value it puts on the target is the price. */
const TAKEOVER_CONTEXT = /\b(?:acquir(?:e|es|ed|ing)|acquisition|buy(?:s|ing)?|bought|buy-?out|takeover|take-private|merger|merge|combine|combination|(?:cash|all-share|share|recommended|tender)\s+offer|the\s+offer|offer\s+(?:of|for)|bid\s+for|premium\s+(?:of|to))\b/i;

/** Whether a value in sentence s is what the stock market puts on the company. */
function stockMarketValue(s: string): boolean {
  return sentenceHas(s, GATE.shareWords) && STOCK_MOVE.test(s) && !PRIVATE_VALUE.test(s);
}
const POST_MONEY_AFTER =
  /^\s*(?:post-?money|after (?:the|its) (?:new |fresh )?(?:investment|round|deal|raise|financing|money|capital|funds|cash)|including (?:the )?(?:new|fresh) (?:investment|money|capital|funds|cash))\b/i;
const PRE_MONEY_AFTER =
  /^\s*(?:pre-?money|(?:before|excluding) (?:the|its) (?:new |fresh )?(?:investment|round|deal|raise|financing|money|capital|funds|cash))\b/i;
const TRADING_PRICE_LAST = lastWords("of|at|was|as|around|near");
const LED_BY_WITH_LAST = lastWords("with|about|around|roughly|nearly|some|than|over");
const LED_BY_WITH_LAST_MAX = longest(LED_BY_WITH_LAST);
const TOTAL_RAISED_LAST = lastWords("to|about|around|roughly|nearly|almost|than|over|some");
const NEW_LEFT_MAX = Math.max(longest(TRADING_PRICE_LAST), LED_BY_WITH_LAST_MAX, longest(TOTAL_RAISED_LAST));

/** Whether the words before a figure end in "led by X with (about)": see LED_BY_WITH_BEFORE. */
export function ledByWith(ctx: FigureContext): boolean {
  const end = endWordOrApprox(ctx.left, LED_BY_WITH_LAST_MAX);
  return (end === null || LED_BY_WITH_LAST.has(end)) && LED_BY_WITH_BEFORE.test(ctx.s.slice(Math.max(0, ctx.fs - 90), ctx.fs));
}

/** endWord, but null (cannot tell) when the text ends in "~" or "≈", which the patterns allow before a figure. */
function endWordOrApprox(left: string, max: number): string | null {
  const c = lastNonSpace(left);
  return c === 126 || c === 0x2248 ? null : endWord(left, max);
}
const LED_BY_WITH_BEFORE = /\b(?:(?:co-)?led|joined|backed|anchored)\s+by\s+[^,;.()]{1,60}?\s+with\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|more than\s+|over\s+)?[~≈]?\s*$/i;
/** "takes the total it has raised since it was founded to about $640 million": the new total raised. */
const TOTAL_RAISED_BEFORE =
  /\b(?:takes|took|taking|brings|brought|bringing|lifts|lifted|lifting|pushes|pushed|pushing|raises|raised|raising)\s+(?:the|its)\s+(?:total|tally)\b[^.;]{0,80}?\b(?:rais\w*|fund\w*|invest\w*|secured)\b[^.;]{0,60}?\bto\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|more than\s+|over\s+|some\s+)?[~≈]?\s*$/i;
/** "spend $4 billion on capital expenditures": what the money is spent on names it. */
const SPEND_ON_CAPEX = /^\s+on\s+(?:[\p{L}-]+\s+){0,2}?(?:capital expenditures?|capex|capital spending)\b/iu;
/** "raised $64 billion to date", "has raised $11 billion so far". */
const TO_DATE_AFTER = /^\s*(?:so far|to date|in total|since (?:its )?(?:founding|inception|launch))\b/i;
/** "of" (in any case) at i of s. */
const ofAt = (s: string, i: number): boolean => (s.charCodeAt(i) | 32) === 111 && (s.charCodeAt(i + 1) | 32) === 102;
const OF_THE_STOCK_AFTER = /^\s+of\s+(?:the|its|their)\s+(?:(?:issued|outstanding|enlarged|voting|ordinary|company['’]s)\s+)*(?:stock|shares|share capital|capital(?!\s+(?:budget|expenditure|spending|markets?|plan))|equity(?!\s+value)|votes|voting rights)\b/i;
/** "will keep 51%", "retains 30%" (of a company, unless what follows says otherwise: "keep 20% of its staff") */
const KEEP_BEFORE = /\b(?:keep|keeps|kept|keeping|retain|retains|retained|retaining)\s+(?:about\s+|around\s+|roughly\s+)?$/i;
/** The noun after "of" (past "the", "its", "their"): "keep 51% of the company" is a holding, "keep 20% of its staff" is not. */
const OF_NOUN_AFTER = /^\s+of\s+(?:(?:the|its|their)\s+)?([\p{L}-]+)/u;
const HOLDING_NOUNS = new Set(["stock", "shares", "company", "business", "unit", "venture", "equity", "capital", "group"]);
function ofNonHolding(after: string): boolean {
  const m = OF_NOUN_AFTER.exec(after);
  return !!m && !HOLDING_NOUNS.has((m[1] as string).toLowerCase());
}
const CAPACITY_NEXT_TO = /\bcapacity\b[^,;]{0,30}$/i;
/** A period output is counted over: "in the quarter", "for the nine months", "this season". */
const OUTPUT_PERIOD = /\b(?:quarter|(?:three|six|nine|twelve) months|half|season|fiscal|financial year|last year|this year|so far|year to)\b/i;
/** What a plant can make: "capacity", "a smelter", "able to". */
const PLANT_CAPACITY = /\b(?:capacity|plants?|factory|factories|facility|facilities|smelters?|refinery|refineries|mills?|lines?|able to|can (?:produce|make|process))\b/i;
// ("cement volumes fell 3.5% to 4.1 million tonnes")
const SHARE_BOUGHT_BEFORE = /\b(?:buy|buys|buying|bought|acquire[sd]?|acquiring|sell|sells|selling|sold|purchase[sd]?|purchasing)\s+(?:(?:a further|another|an additional|about|around|roughly|nearly|up to|almost)\s+)?$/i;
// (a name that ends its phrase: not "70% of Brazilian soybean exports", "20% of March production")
const OF_NAME_AFTER = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,3}(?=\s+(?:for|from|to|in|at|on|by|and|with|after|as|last|this|next|,)\b|\s*[,.;:)]|\s*$)/u;
const DEBT_BOUGHT_BACK_AFTER = /^\s+of\s+(?:its\s+|their\s+|the\s+)?(?:[\p{L}\d-]+\s+){0,3}?(?:notes|bonds|debt|debentures|loans)\b/iu;
const BOUGHT_BACK_BEFORE = /\b(?:buy(?:s|ing)?\s+back|bought\s+back|repurchas(?:e|es|ed|ing)|redeem(?:s|ed|ing)?)\s+(?:up to\s+)?$/i;
const PER_YEAR_RATE_AFTER = /^(?:\s+of\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)?\s+(?:(?:a|per)\s+year|annually|per\s+annum)\b/iu;
const PRODUCTION_WORDS = /\b(?:production|output|capacity|produc(?:e|es|ed|ing)|mine|mines|mined|smelter|refinery|crush(?:ed|ing)?|harvest(?:ed)?|guidance|guided|volumes?)\b/i;

const PRICE_TARGET_BEFORE = /\b(?:price target|target price|price objective)s?\b[^.;:]{0,60}$/i;

/** After an amount: "to build a 14.9% stake in", "for a minority stake in", "to take a 5% stake in". */
const STAKE_BOUGHT_AFTER =
  /^\s*(?:\([^)]{0,30}\)\s*)?(?:to\s+(?:build|buy|take|acquire|lift|raise|increase|secure|purchase)(?:\s+up)?|for)\s+(?:a|an|its|their|his|her)\s+(?:(?:[\d.]+\s?%|[\p{Ll}-]+)\s+){0,2}?stake\s+in\b/u;

/** PER_YEAR_AFTER needs "year" or "annually" within its first 50 characters. */
function yearSoonAfter(ctx: FigureContext): boolean {
  const y = ctx.s.indexOf("year", ctx.fe);
  if (y >= 0 && y - ctx.fe <= 50) return true;
  const a = ctx.s.indexOf("annually", ctx.fe);
  return a >= 0 && a - ctx.fe <= 50;
}
const OF_THE_MARKET_AFTER = /^\s+of\s+(?:the|its)\s+(?:[\p{L}-]+\s+){0,2}?market\b/u;
const CARRY_BEFORE = /\b(?:carry|carries|carrying|lift|lifts|lifting|haul|hauls|payload(?:\s+capacity)?(?:\s+of)?)\b[^.;]{0,30}$/i;
const MAKE_BEFORE = /\b(?:build|builds|building|make|makes|making|produce|produces|producing|manufacture|manufactures|manufacturing|assemble|assembles|assembling)\b[^.;]{0,25}$/i;
/** "24 rockets a year", "500,000 vehicles per year", "annually" */
const PER_YEAR_AFTER = /^[^.;,]{0,40}?\b(?:a|per|each|every)\s+year\b|^[^.;,]{0,40}?\bannually\b/i;
const INVEST_IN_THINGS =
  /^[^.;]{0,50}?\bin\s+(?:(?:AI|the|its|their|new|more|U\.S\.|US|[\p{Ll}][\p{L}-]*)\s+){0,3}(?:infrastructure|data[- ]cent(?:er|re)s?|capacity|projects?|facilities|factories|plants?|research|development|R&D|chips?|compute|manufacturing|expansion|robotics|networks?)\b/u;

const FALLBACK: Record<FigureKind, string> = {
  money: "amount",
  percent: "percentage",
  date: "date",
  power: "amount",
  count: "count",
  multiple: "multiple",
};

export const GENERIC_ATTRIBUTES = new Set(Object.values(FALLBACK));

const SHARE_PRICE = /\b(?:shares?|stock|share price|stock price|ADRs?)\b/i;
/** "closed at", "a close of", "the closing price of": a trading price. */
const CLOSE_OF_BEFORE = /\b(?:close|closing price|closing level)\s+(?:of|at)\s*$/i;
/** "undisturbed closing price of 155.8p", "volume-weighted average price of 149.3p", "had traded as high as 340p": a price of the shares. */
const TRADING_PRICE_BEFORE =
  /\b(?:(?:closing|opening|undisturbed|average|VWAP|trading|share|stock|last traded)\s+price\s+(?:of|at|was)|trad(?:ed|es|ing)\s+(?:as\s+(?:high|low)\s+as|at|around|near)|(?:hit|touched|reached)\s+(?:a\s+)?(?:record|an?\s+all-time|a\s+\d+-year)\s+(?:high|low)\s+of)\s*$/i;
/** Words that make a per-share price an offer (takeover, IPO) rather than a trading price. */
const OFFER_CONTEXT = /\b(?:pay|pays|paying|offer(?:s|ed|ing)?|bid|priced|pricing|IPO|initial public offering|sold|sell(?:s|ing)?|placing|takeover|acquir\w*|buy(?:s|ing)?|(?:will|would)\s+receive)\b/i;
const PRICE_RANGE_BEFORE = /\b(?:price )?range (?:of|at|to|was|is)?\s*(?:an? )?(?:initial |indicative |marketed |new )?\s*$|\b(?:an? |the )?(?:initial|indicative|marketed|earlier|original|previous) (?:range of\s*)?$/i;
const SET_RANGE = /\b(?:set|marketed|raised|lifted|narrowed|widened)\s+(?:a|the|its)\s+(?:price\s+)?range\b|\bprice range\b/i;
const IPO_WORDS = /\b(?:IPO|initial public offering|listing|debut|offering|float(?:ation)?)\b/i;
/** "worth $11.8 billion at list prices", "a list value of": an order's value as the maker's price list gives it. */
const LIST_PRICE = /\bat (?:list|catalog(?:ue)?|sticker) prices?\b|\blist (?:price|value)s? of\b/i;
const UNIT_LIST_PRICE_BEFORE = /\b(?:list|catalog(?:ue)?|sticker) price (?:of|is|was)\s*(?:about|around|roughly|some)?\s*$/i;
const LEND_BEFORE = /\b(?:lend(?:s|ing)?|lent)\s+(?:(?:it|them|the (?:company|group|project))\s+)?(?:about|around|roughly|some|nearly|almost|up to|another|a further|an additional)?\s*[~≈]?\s*$/i;
const PROVIDE_BEFORE = /\bprovid(?:e|es|ed|ing)\s+(?:about|around|roughly|some|nearly|almost|up to|another|a further|an additional)?\s*[~≈]?\s*$/i;
const LOAN_WORDS = /\b(?:loans?|debt|tranches?|(?:credit|loan) facilit(?:y|ies)|lenders?|lending)\b/i;
const FUND_DEAL_WITH_BEFORE =
  /\b(?:fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|pay(?:s|ing)? for|paid for)\s+(?:the|its|this|that)\s+(?:[\p{L}-]+\s+){0,2}?(?:purchase|acquisition|deal|takeover|transaction|buyout|merger)\s+(?:with|through|using|via|from)\b[^;]*$/iu;
/** The buyer's means of payment, by the words right after the figure. */
const DEBT_OWN = /\b(?:debt|loans?|notes|bonds?|borrowing|credit|financing)\b/i;
const EQUITY_OWN = /\b(?:offering|placement|placing|shares|stock|receipts|equity)\b/i;
const FORECAST_BEFORE = /\b(?:expected|expecting|estimated|forecast|forecasting|projected|anticipated|predicted|consensus)\b/i;
const EARNINGS_CONTEXT = /\b(?:net income|net profit|profit|earnings|EPS|net loss|loss)\b/i;
const PER_SHARE_HEAD = /^(?:per|a|each)\s+(?:diluted\s+)?share\b/i;
/** "$20 billion to accelerate AI", "$20B for AI and robotics": money set aside for a purpose. */
const PURPOSE_AFTER =
  /^\s*(?:to\s+(?:accelerate|build|fund|expand|develop|support|finance|boost|grow|scale|speed|deploy|construct|upgrade|modernise|modernize)\b|for\s+(?:AI\b|(?!(?:loan|credit|bad|possible|expected|potential)\b)\p{Ll}))/u;

const SECTOR_AFTER = new RegExp(String.raw`^\s*for\s+(?:the\s+)?(?:${SECTOR_WORDS})\b`);

/** Words (ASCII, any case) that may precede a figure without naming anything: "about", "up to", "a total of". */
const MODIFIERS =
  "a|an|the|about|around|roughly|approximately|approx|nearly|almost|some|up to|as much as|as high as|over|more than|less than|at least|at most|estimated|additional|further|another|just|only|close to|its|their|his|her|our|total of|record|massive|staggering|whopping|fresh|new|initial|existing|previous|combined|total|potential|planned|proposed|reported|extra|whole|full".split("|");
/** The modifiers by their last word, longest first. */
const MODIFIERS_BY_LAST_WORD = new Map<string, string[]>();
for (const m of [...MODIFIERS].sort((x, y) => y.length - x.length)) {
  const last = m.slice(m.lastIndexOf(" ") + 1);
  MODIFIERS_BY_LAST_WORD.set(last, [...(MODIFIERS_BY_LAST_WORD.get(last) ?? []), m]);
}
const MODIFIER_LAST_MAX = Math.max(...[...MODIFIERS_BY_LAST_WORD.keys()].map((w) => w.length));

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** /\w/ without the "u" flag */
const isWordCode = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;

/** Does t hold the lowercase ASCII text m at `at`, ASCII letters in any case? */
function holdsAt(t: string, at: number, m: string): boolean {
  for (let i = 0; i < m.length; i++) {
    let c = t.charCodeAt(at + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== m.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Where t.slice(from, end) ends without its last modifier: what
 * /\s*(?:\b(?:MODIFIERS)\b\.?|[~≈])\s*$/i matches in it removed (the white space before and
 * after it, a "." after it as in "approx."); `end` itself if none. The stretch is read as a
 * text of its own: its start starts a word.
 */
function endWithoutModifier(t: string, from: number, end: number): number {
  let e = end;
  while (e > from && isSpaceCode(t.charCodeAt(e - 1))) e--;
  if (e === from) return end;
  const last = t.charCodeAt(e - 1);
  let start = -1;
  if (last === 126 || last === 0x2248) start = e - 1; // ~ ≈
  else {
    if (last === 46) e--; // "approx."
    let b = e;
    let upper = false;
    while (b > from && e - b <= MODIFIER_LAST_MAX) {
      const c = t.charCodeAt(b - 1);
      if (!isAsciiLetter(c)) break;
      if (c < 97) upper = true;
      b--;
    }
    if (b === e || e - b > MODIFIER_LAST_MAX) return end;
    const word = upper ? t.slice(b, e).toLowerCase() : t.slice(b, e);
    const modifiers = MODIFIERS_BY_LAST_WORD.get(word);
    if (modifiers === undefined) return end;
    // the longest modifier that ends here and starts a word
    for (const m of modifiers) {
      const at = e - m.length;
      if (at >= from && !(at > from && isWordCode(t.charCodeAt(at - 1))) && holdsAt(t, at, m)) {
        start = at;
        break;
      }
    }
    if (start < 0) return end;
  }
  while (start > from && isSpaceCode(t.charCodeAt(start - 1))) start--;
  return start;
}

let memoStripIn = "";
let memoStripOut = "";

export function stripModifiers(left: string): string {
  if (left === memoStripIn) return memoStripOut;
  const out = stripModifiersOf(left);
  memoStripIn = left;
  memoStripOut = out;
  return out;
}

function stripModifiersOf(left: string): string {
  // Modifiers sit at the end: work on the last 80 characters only, as the anchored regex
  // this replaced did (a modifier cut there reads as starting a word).
  const from = left.length > 80 ? left.length - 80 : 0;
  let end = left.length;
  while (end > from && isSpaceCode(left.charCodeAt(end - 1))) end--; // trimEnd
  for (let i = 0; i < 8; i++) {
    const n = endWithoutModifier(left, from, end);
    if (n === end) break;
    end = n;
  }
  return end === left.length ? left : left.slice(0, end);
}

export type AttributeChoice = { attribute: string; strength: number };

type Hit = { rule: AttrRule; index: number; end: number; order: number };

const KIND_BIT: Record<FigureKind, number> = { money: 1, percent: 2, date: 4, power: 8, count: 16, multiple: 32 };
const kindMask = (kinds: readonly FigureKind[]): number => {
  let m = 0;
  for (const k of kinds) m |= KIND_BIT[k];
  return m;
};
/** The kinds of each rule, by rule index, as a mask. */
const RULE_MASKS: number[] = ATTRIBUTE_RULES.map((r) => kindMask(r.kinds));
const MONEY_OR_COUNT = kindMask(["money", "count"]);
/** The indexes of the rules with a head pattern. */
const HEAD_RULES: number[] = ATTRIBUTE_RULES.flatMap((r, i) => (r.head ? [i] : []));

/**
 * Lowercase fragments one of which must occur in a (lowercased) text for the pattern of a
 * sentence or clause modality rule (below) to match it: a cheap test, found in the same scan
 * as the attribute hints.
 */
const MODALITY_HINTS: Array<[Modality, string[]]> = [
  ["contingent", ["contingent", "condition", "subject to", "upon achiev", "upon reach", "upon meet", "upon hitt", "milestone", "if certain", "earn-out", "earnout"]],
  ["in_talks", ["talks", "negotiat", "discuss", "process of raising"]],
  [
    "target",
    [
      ...["seek", "target", "looking to raise", "looking to secure", "plan to", "plans to", "planning to", "planned to", "hopes to", "hoping to"],
      ...["aim to", "aim for", "aims to", "aims for", "aiming to", "aiming for", "aimed to", "aimed for"],
      ...["want to raise", "wants to raise", "could value", "would value", "could raise", "proposed"],
    ],
  ],
  ["completed", ["complet", "closed", "closes", "closing", "finali", "has raised", "had raised", "have raised", "now raised", "successfully"]],
  ["announced", ["announc", "unveil", "disclos", "confirm", "secures", "secured", "stated", "officially"]],
  ["estimate", ["est", "projected", "projection", "forecast", "expect", "could reach", "could hit", "could total", "could rise", "could be", "guidance", "price target", "target price"]],
  ["reported", ["report", "according to", "source", "people familiar", "people close", "said to"]],
];

/**
 * Words that some patterns cannot match without: if none is in the sentence (lowercased by
 * toLowerCase), the pattern cannot match a part of it, and is not tried. Found in the same
 * scan as the hints. Only for patterns without the "u" flag: with "iu", "s" and "k" also
 * match "ſ" and the Kelvin sign, which toLowerCase keeps.
 */
const GATES = {
  /** PER_SHARE_HEAD, /\bshares\b/ */
  share: ["share"],
  /** PRICE_TARGET_BEFORE */
  priceTarget: ["price target", "target price", "price objective"],
  /** STAKE_BOUGHT_AFTER, and "stake" looked for by indexOf */
  stake: ["stake"],
  /** UPFRONT */
  upfront: ["front", "initial"],
  /** CONTINGENT (on the head: its words joined by " ", so "subject" alone) */
  contingent: ["contingent", "condition", "subject", "milestone"],
  /** TOTAL_BEFORE, and "total" opening the head */
  total: ["total", "combined", "altogether", "overall", "tally"],
  /** the up_to modality rule */
  upTo: ["up to", "as much as", "as high as", "at most", "no more than", "a maximum of", "capped at"],
  /** SHARE_WORDS */
  shareWords: ["share", "stock", "adr", "depositary"],
  /** PRICE_RANGE_BEFORE */
  priceRange: ["range"],
  /** DEBUT, DEBUT_AFTER */
  debut: ["debut", "first day", "first-day", "first trading"],
  /** LIST_PRICE */
  listPrice: ["list price", "catalogue price", "catalog price", "sticker price"],
  /** EXPECTED_BY_ANALYSTS (index.ts) */
  analysts: ["analyst", "economist", "consensus"],
  /** LEND_BEFORE */
  lend: ["lend", "lent", "provid"],
  /** FUND_DEAL_WITH_BEFORE */
  fundDeal: ["fund", "financ", "pay for", "pays for", "paying for", "paid for"],
  /** FUND_DEAL_WITH_BEFORE, with fundDeal */
  dealNoun: ["purchase", "acquisition", "deal", "takeover", "transaction", "buyout", "merger"],
  /** KEEP_BEFORE */
  keep: ["keep", "kept", "retain"],
  /**
   * the head pattern of spending_commitment. Its flags are "iu", so the fragments leave out
   * the "s" and "k" that "ſ" and the Kelvin sign also match: "campu", "expan", "factor".
   */
  spendingHead: ["plant", "factor", "facilit", "campu", "project", "expan", "build", "program"],
  // the event words of eventdates.ts, by the attribute they give a date (every match holds one)
  ipo_date: ["ipo", "public", "list", "float", "debut"],
  launch_date: ["launch", "releas", "roll", "model", "product", "version", "device", "phone", "live", "switch", "online", "operation", "service", "start", "flight", "voyage", "orbit"],
  closing_date: ["clos", "complet", "finali", "sign", "raised"],
  announcement_date: ["announc", "unveil", "confirm", "disclos"],
};
export type Gate = keyof typeof GATES;

// One scan of a sentence finds which attribute rules have a hint in it (group i for rule i),
// which modality rules do (group MODALITY_GROUP0 + j for MODALITY_HINTS[j]) and which gates
// have a word in it (after those).
const MODALITY_GROUP0 = ATTRIBUTE_RULES.length;
const GATE_GROUP0 = MODALITY_GROUP0 + MODALITY_HINTS.length;
const GATE_NAMES = Object.keys(GATES) as Gate[];
/**
 * The scan group of each gate, named: callers pass GATE.share, not "share". A field read with a
 * constant name costs nothing, where the same table read by a name passed in was a generic
 * lookup on every call.
 */
export const GATE = Object.fromEntries(GATE_NAMES.map((name, i) => [name, GATE_GROUP0 + i])) as Readonly<Record<Gate, number>>;
/** By attribute: the gate of the rule's head pattern (the head is words of the sentence). */
const HEAD_GATES: Partial<Record<string, number>> = { spending_commitment: GATE.spendingHead };
const GROUP_FRAGMENTS: string[][] = [...ATTRIBUTE_RULES.map((r) => r.hint), ...MODALITY_HINTS.map(([, h]) => h), ...GATE_NAMES.map((name) => GATES[name])];
const FRAGMENT_GROUPS = new FragmentGroups(GROUP_FRAGMENTS);
/** The length of each group's shortest fragment. */
const GROUP_MIN: number[] = GROUP_FRAGMENTS.map((fragments) => Math.min(...fragments.map((f) => f.length)));

// Where the hints of a rule occur in the sentence (see FragmentGroups.scan) bounds where its
// matches can be: a match that holds one of the rule's hints lies around one of them. That
// holds for the sentence and clause modality patterns, and for the keywords and the left
// patterns of every attribute rule except these:
/** a keyword match may hold none of the rule's hints: "factories" (hint "factory"), "market ſhare" ("ſ" is an "s" to flag "iu") */
export const KEYWORDS_WITHOUT_HINT = new Set(["production_capacity", "market_share"]);
/** a left match may hold none of the rule's hints: "purchasing" (hint "purchase"), and "ſ" with flag "iu" */
export const LEFT_WITHOUT_HINT = new Set(["acquisition_price"]);
const KEYWORDS_HOLD_HINT: boolean[] = ATTRIBUTE_RULES.map((r) => !KEYWORDS_WITHOUT_HINT.has(r.attribute));
const LEFT_HOLDS_HINT: boolean[] = ATTRIBUTE_RULES.map((r) => !!r.left && !LEFT_WITHOUT_HINT.has(r.attribute));

// Keyword hits are worked out once per sentence, rule by rule when a figure first asks for
// a kind the rule covers (a sentence of percentages never runs the money keywords), and
// filtered by window afterwards. Per rule the hits are in text order; across rules in rule order.
const NO_HITS: Hit[] = [];
let memoHitText = "";
/** the groups found in memoHitText (see FRAGMENT_GROUPS) */
const memoGroups = new Int32Array(FRAGMENT_GROUPS.words);
/** where their fragments first and last end in memoHitText (see FragmentGroups.scan) */
const memoEnds = new Int32Array(2 * FRAGMENT_GROUPS.groups);
/** the indexes of the present rules, in rule order */
let memoPresentList: number[] = [];
let memoRuleHits: Array<Hit[] | undefined> = [];

function sentenceRules(text: string): void {
  if (text === memoHitText) return;
  FRAGMENT_GROUPS.scan(text, memoGroups, memoEnds);
  memoPresentList = [];
  for (let i = 0; i < ATTRIBUTE_RULES.length; i++) if (hasGroup(memoGroups, i)) memoPresentList.push(i);
  memoRuleHits = new Array<Hit[] | undefined>(ATTRIBUTE_RULES.length);
  memoHitText = text;
}

/** Could a pattern gated by `gate` (GATE.x, see GATES) match a part of the sentence s? */
export function sentenceHas(s: string, gate: number): boolean {
  sentenceRules(s);
  return hasGroup(memoGroups, gate);
}

/**
 * Could a pattern gated by `gate` match within [a, b) of the sentence s? Only for a pattern
 * each of whose matches holds a word of its gate, as the event words' do.
 */
export function sentenceHasWithin(s: string, gate: number, a: number, b: number): boolean {
  sentenceRules(s);
  return hasGroup(memoGroups, gate) && groupWithin(gate, a, b);
}

/**
 * Could a text that holds a fragment of group g lie within [a, b) of the sentence last given
 * to sentenceRules, which holds the group? Only if one of its fragments lies there too.
 */
function groupWithin(g: number, a: number, b: number): boolean {
  return (memoEnds[g] as number) <= b && (memoEnds[FRAGMENT_GROUPS.groups + g] as number) >= a + (GROUP_MIN[g] as number);
}

/** The hits of rule `order` in the sentence last given to sentenceRules. */
function ruleHits(order: number): Hit[] {
  let out = memoRuleHits[order];
  if (out !== undefined) return out;
  if (!hasGroup(memoGroups, order)) out = NO_HITS;
  else {
    out = [];
    const rule = ATTRIBUTE_RULES[order] as AttrRule;
    const text = memoHitText;
    // a further match would hold a hint that ends at least a shortest hint past where the search goes on
    const lastEnd = KEYWORDS_HOLD_HINT[order] ? (memoEnds[FRAGMENT_GROUPS.groups + order] as number) - (GROUP_MIN[order] as number) : text.length;
    rule.kw.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.kw.exec(text)) !== null) {
      out.push({ rule, index: m.index, end: m.index + m[0].length, order });
      if (m[0].length === 0) rule.kw.lastIndex++;
      if (rule.kw.lastIndex > lastEnd) break;
    }
  }
  memoRuleHits[order] = out;
  return out;
}

/** How pickIn scores a hit (the lowest wins); constants, not closures made per call. */
const FIRST = 0; // its start
const NEAREST_BEFORE = 1; // how far it ends before `point`
const NEAREST_OUTSIDE = 2; // how far it is from the figure, which it must not overlap
type PickBy = typeof FIRST | typeof NEAREST_BEFORE | typeof NEAREST_OUTSIDE;

/** A hit's attribute can name what a change or multiple is of (see baseFromWords). */
const usableBase = (a: string): boolean => !GENERIC_ATTRIBUTES.has(a) && a !== "shares_offered";
/** usableBase of each rule's attribute, by rule index. */
const RULE_USABLE: boolean[] = ATTRIBUTE_RULES.map((r) => usableBase(r.attribute));

/**
 * Of the hits for the kinds in mask within [a, b) of the sentence (of rules whose attribute
 * is usableBase, with usableOnly), the one with the lowest score (see PickBy), the first in
 * rule order among equals.
 */
function pickIn(ctx: FigureContext, a: number, b: number, mask: number, by: PickBy, point = 0, usableOnly = false): Hit | null {
  sentenceRules(ctx.s);
  let best: Hit | null = null;
  let bestScore = Infinity;
  const { fs, fe } = ctx;
  for (const order of memoPresentList) {
    if (!((RULE_MASKS[order] as number) & mask)) continue;
    if (usableOnly && !RULE_USABLE[order]) continue;
    if (KEYWORDS_HOLD_HINT[order] && !groupWithin(order, a, b)) continue;
    for (const h of ruleHits(order)) {
      if (h.index < a || h.end > b) continue;
      let sc: number;
      if (by === FIRST) sc = h.index;
      else if (by === NEAREST_BEFORE) sc = point - h.end;
      else if (h.end <= fs) sc = fs - h.end;
      else if (h.index >= fe) sc = h.index - fe;
      else continue; // overlaps the figure
      if (sc < bestScore || (sc === bestScore && best && h.order < best.order)) {
        best = h;
        bestScore = sc;
      }
    }
  }
  return best;
}

// A label (a table column header, a "Label:" opening) is asked about by every figure under
// it: its hits for all kinds are remembered, and filtered by kind per call.
const labelHits = new Map<string, Hit[]>();

function labelHitsOf(text: string): Hit[] {
  let all = labelHits.get(text);
  if (all === undefined) {
    all = [];
    for (let order = 0; order < ATTRIBUTE_RULES.length; order++) {
      const rule = ATTRIBUTE_RULES[order] as AttrRule;
      rule.kw.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.kw.exec(text)) !== null) {
        all.push({ rule, index: m.index, end: m.index + m[0].length, order });
        if (m[0].length === 0) rule.kw.lastIndex++;
      }
    }
    if (labelHits.size > 2000) labelHits.clear();
    labelHits.set(text, all);
  }
  return all;
}

/** The label's first hit, in rule order, for the kinds in mask (no copy of the list filtered). */
function firstLabelHit(label: string, mask: number): Hit | null {
  for (const h of labelHitsOf(label)) if ((RULE_MASKS[h.order] as number) & mask) return h;
  return null;
}

/** "$2.47 per share", "$30 each" after "shares": a price per share. */
function perShareRight(right: string, before: string): boolean {
  return PER_SHARE_HEAD.test(right) || (/^each\b/i.test(right) && /\bshares\b/i.test(before));
}

/** The words before the figure, from the previous major break on. */
function beforeFigure(ctx: FigureContext): string {
  return ctx.s.slice(majorStart(ctx), ctx.fs);
}

/** Start of the stretch before the figure up to the previous major break ("; ", ", while"). */
function majorStart(ctx: FigureContext): number {
  const i = ctx.majorAt;
  return i >= 0 && i <= ctx.fs ? i : 0;
}

/**
 * What a figure measures. `kinds` widens the keyword search (a percentage change looks for
 * the money or count words it changes); `inTable` lets a column header decide.
 */
export function decideAttribute(f: Figure, ctx: FigureContext, inTable: boolean, kinds: readonly FigureKind[] = [f.kind]): AttributeChoice {
  const choice = decideMeasure(f, ctx, inTable, kinds);
  // "buy back up to 24 million shares", "200 million shares outstanding": shares counted, not offered.
  if (choice.attribute === "shares_offered" && (SHARES_COUNTED_BEFORE.test(tail(ctx.left, 40)) || SHARES_OUTSTANDING_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 40)))) return { attribute: "count", strength: 1.5 };
  // "net debt fell to A$640 million", "its loan book grew to R$8.3 billion", "including £700 million of
  // net debt": a balance the company holds or lends out, not debt it raises.
  if (choice.attribute === "debt_financing" && debtBalance(ctx)) return { attribute: "amount", strength: 1.5 };
  // "an 840 MW wind farm": the power an asset can deliver is its capacity; what a plant makes in
  // a year ("30 GWh of cells a year") is its production capacity.
  if (f.kind === "power" && choice.attribute === "production_capacity" && !f.unit.endsWith("h")) return { attribute: "capacity", strength: choice.strength };
  // "a R$3.2 billion corn-ethanol plant", "spend up to £30 million" on a site's expansion: spending on
  // the company's own plant is capital expenditure, not a commitment to spend on something bought.
  if (choice.attribute === "spending_commitment" && ownAssetSpend(ctx)) return { attribute: "capital_expenditure", strength: choice.strength };
  // "close 48 of its 612 stores ... and cut 2,100 jobs": a count of things is not a headcount the sentence names elsewhere.
  if (f.kind === "count" && (choice.attribute === "headcount" || choice.attribute === "users") && choice.strength <= 2 && THINGS_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 60))) {
    return { attribute: "count", strength: 0.5 };
  }
  // "About ₩2.9 trillion will go to a new plant", "The remaining ₩1.3 trillion will add 12 GWh of capacity"
  if (f.kind === "money" && choice.strength === 0 && isSpaceCode(ctx.s.charCodeAt(ctx.fe)) && GOES_TO_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 40)) && (OWN_ASSET_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 120)) || CAPACITY_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 80)))) {
    return { attribute: "capital_expenditure", strength: 2 };
  }
  // "would invest ₩4.2 trillion over three years in battery lines": the same, said with "invest".
  if (choice.attribute === "investment_amount" && INVEST_VERB_END.test(tail(ctx.left, 40)) && OWN_ASSET_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 120))) return { attribute: "capital_expenditure", strength: choice.strength };
  return choice;
}
const SHARES_COUNTED_BEFORE = /\bbuy(?:s|ing)?\s*back\b|\bbought back\b|\bbuybacks?\b|\brepurchas\w*|\btreasury\b/i;
const SHARES_OUTSTANDING_AFTER = /^\s+(?:[\p{L}-]+\s+){0,2}?shares\s+outstanding\b|^\s+outstanding\s+shares\b/iu;
// ("Gross loans grew 21% to ₦9.8 trillion": a bank's loans are a balance)
const DEBT_BALANCE_BEFORE = /\b(?:net debt|loan (?:book|portfolio|growth)s?|orders|(?:gross|net|customer|total) loans|loans and advances)\b[^,;]{0,40}$/i;
/** "of net debt", "of cash" after the figure; "including C$450 million of debt" (a deal's bridge to its value). */
const DEBT_BALANCE_HEAD = /^\s*(?:of\s+)?(?:net debt|cash)\b/i;
const INCLUDING_BEFORE = /\b(?:including|includes|plus|assuming)\b[^,;]{0,20}$/i;
const DEBT_HEAD = /^\s*(?:of\s+)?(?:net\s+)?debt\b/i;
function debtBalance(ctx: FigureContext): boolean {
  // (read through a change before the figure: "Its loan book grew 54% to R$8.3 billion")
  const left = ctx.leftThrough !== null ? ctx.s.slice(ctx.leftThrough, ctx.fs) : ctx.left;
  const near = tail(left, 60);
  return DEBT_BALANCE_HEAD.test(ctx.head) || DEBT_BALANCE_BEFORE.test(near) || (DEBT_HEAD.test(ctx.head) && INCLUDING_BEFORE.test(near));
}

/** Countable things (and agents who are not staff) right after a number: "612 stores", "1,100 independent brokers". */
const THINGS_AFTER =
  /^\+?\s+(?:[\p{L}\p{N}-]+\s+){0,3}?(?:stores|shops|branches|outlets|restaurants|sites|locations|plants|factories|mills|mines|vessels|ships|aircraft|planes|jets|vehicles|cars|units|brokers|agents|dealers|dealerships|franchisees|hotels|stadiums|cities|launches|rockets|satellites|flights|routes|airports|warehouses|clinics|hospitals|schools|pharmacies|countries|markets|passengers|visitors|viewers|fans|students|patients|riders|couriers|drivers|destinations)\b/u;
/** Money that "will go to", "will be spent on", "will fund" or "will add" something. */
const GOES_TO_AFTER = /^\s+(?:will|would|is to|are to|is set to|is expected to)\s+(?:go\s+(?:to|toward|towards|into)|be\s+(?:spent|invested|used)\s+(?:on|in|for|to)|fund|finance|pay\s+for|build|add)\b/i;
const CAPACITY_AFTER = /^[^.;]{0,60}?\bcapacity\b/i;
const INVEST_VERB_END = /\binvest(?:s|ed|ing)?\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|up to\s+|more than\s+|another\s+|a further\s+)?[~≈]?\s*$/i;

/** Physical assets a company builds for itself. */
const OWN_ASSET = String.raw`(?:plants?|factor(?:y|ies)|(?:production|assembly|battery|cell|manufacturing|bottling|packaging)\s+lines?|mines?|smelters?|refiner(?:y|ies)|fabs?|foundr(?:y|ies)|expansion|(?:manufacturing|production)\s+(?:sites?|capacity)|facilit(?:y|ies)|(?:power\s+)?grids?|pipelines?|terminals?)`;
const OWN_ASSET_AFTER = new RegExp(String.raw`^(?:[^.;]|\.(?=\d)){0,100}?\b${OWN_ASSET}\b`, "i");
const OWN_ASSET_BEFORE = new RegExp(String.raw`\b${OWN_ASSET}\b[^.;]{0,80}$`, "i");
const CAPEX_PLAN = /\b(?:investment|capital|capex|spending)\s+(?:plan|programme|program|budget)s?\b/i;

/** Whether the money spent next to ctx goes on the company's own plant (or a capital plan). */
function ownAssetSpend(ctx: FigureContext): boolean {
  return OWN_ASSET_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 120)) || OWN_ASSET_BEFORE.test(ctx.s.slice(Math.max(ctx.clauseStart - 60, 0), ctx.fs)) || CAPEX_PLAN.test(ctx.s);
}

function decideMeasure(f: Figure, ctx: FigureContext, inTable: boolean, kinds: readonly FigureKind[]): AttributeChoice {
  // "40,000 wafers per month": what a fab can make.
  if (f.unit === "wafers") return { attribute: "production_capacity", strength: 2.5 };
  // "produced 38,400 tonnes in the quarter": output; "a smelter able to make 260,000 tonnes a year": what a plant can produce.
  // "its newer plant, which can make 2.4 million tonnes of clinker a year": what a plant can make at a yearly rate
  if ((f.unit === "tonnes" || f.unit === "ounces" || f.unit === "m3") && PER_YEAR_RATE_AFTER.test(ctx.right) && PLANT_CAPACITY.test(tail(ctx.left, 60))) return { attribute: "production_capacity", strength: 2.5 };
  if ((f.unit === "tonnes" || f.unit === "ounces" || f.unit === "m3") && PRODUCTION_WORDS.test(ctx.s)) {
    // ("lift the smelter's capacity to 300,000 tonnes a year by the end of this year": capacity said next to the figure wins)
    if (CAPACITY_NEXT_TO.test(tail(ctx.left, 40))) return { attribute: "production_capacity", strength: 2.5 };
    return { attribute: !OUTPUT_PERIOD.test(ctx.s) && PLANT_CAPACITY.test(ctx.s) ? "production_capacity" : "production", strength: 2.5 };
  }
  // "with about 14% of the stock", "Nordhav will keep 51%": a holding in a company.
  // (the first looked for only where " of" follows, in any case)
  if (f.kind === "percent" && isSpaceCode(ctx.s.charCodeAt(ctx.fe)) && ofAt(ctx.s, ctx.fe + 1) && OF_THE_STOCK_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 40))) return { attribute: "stake", strength: 2.5 };
  if (f.kind === "percent" && sentenceHas(ctx.s, GATE.keep) && KEEP_BEFORE.test(tail(ctx.left, 30)) && !ofNonHolding(ctx.s.slice(ctx.fe, ctx.fe + 30))) return { attribute: "stake", strength: 2.5 };
  // "has about 14% of the market by order volume": a share of a market.
  if (f.kind === "percent" && isSpaceCode(ctx.s.charCodeAt(ctx.fe)) && OF_THE_MARKET_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 50))) return { attribute: "market_share", strength: 2.5 };
  if (priceComparedAfter(f, ctx)) return { attribute: "premium", strength: 2.5 };
  // "to buy 24% of Severnmoor Water": a share of a company that changes hands
  if (f.kind === "percent" && OF_NAME_AFTER.test(ctx.right) && SHARE_BOUGHT_BEFORE.test(tail(ctx.left, 40))) return { attribute: "stake", strength: 2.5 };
  // "can carry up to 1,150 kilograms to orbit": what a vehicle can carry.
  if ((f.unit === "kilograms" || f.unit === "tonnes") && CARRY_BEFORE.test(tail(ctx.left, 60))) return { attribute: "capacity", strength: 2.5 };
  // "able to build up to 24 rockets a year": what a plant can make.
  if (f.kind === "count" && yearSoonAfter(ctx) && PER_YEAR_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 60)) && MAKE_BEFORE.test(tail(ctx.left, 40))) return { attribute: "production_capacity", strength: 2.5 };
  if (f.kind === "money") {
    // the words before the figure in its major part, cut when a share-price test needs them
    let before: string | undefined;
    // "repurchase $500 million of notes": debt bought back, not a share buyback
    if (DEBT_BOUGHT_BACK_AFTER.test(ctx.right) && BOUGHT_BACK_BEFORE.test(tail(ctx.left, 30))) return { attribute: "amount", strength: 3 };
    // "$2.47 per share": earnings, an offer or a trading price, by what the sentence is about.
    if (sentenceHas(ctx.s, GATE.share) && perShareRight(ctx.right.trimStart(), (before = beforeFigure(ctx)))) {
      if (/\bdividends?\b/i.test(before)) return { attribute: "dividend_per_share", strength: 3 };
      if (EARNINGS_CONTEXT.test(ctx.s.slice(0, ctx.fs)) && !OFFER_CONTEXT.test(before)) return { attribute: "eps", strength: 3 };
      // "Analysts had on average expected $1.33 a share": a forecast per share is of earnings, unless a price is meant.
      if (FORECAST_BEFORE.test(before) && !OFFER_CONTEXT.test(ctx.s) && !/\b(?:price|trad(?:e|es|ed|ing)|worth|valu|shares?|stock|open|close|list|debut)/i.test(before)) return { attribute: "eps", strength: 2.5 };
      return { attribute: OFFER_CONTEXT.test(ctx.s) ? "offer_price" : "share_price", strength: 3 };
    }
    if (costCutBefore(tail(ctx.left, 80))) return { attribute: "cost_savings", strength: 3 };
    // "It had set a range of $21 to $23", "a price range of HK$18.40-19.60": the price a share is marketed at
    // (in a sentence about shares or a listing, or one where a range is set: "It had set a range of …").
    if (f.low !== null && sentenceHas(ctx.s, GATE.priceRange) && PRICE_RANGE_BEFORE.test(tail(ctx.left, 40)) && (IPO_WORDS.test(ctx.s) || /\bshare/i.test(ctx.s) || SET_RANGE.test(ctx.s))) return { attribute: "offer_price", strength: 3 };
    // "its portion was worth $11.8 billion at list prices": the value of an order, not of a company.
    // ("a list price of $120 million" is one unit's price)
    if (sentenceHas(ctx.s, GATE.listPrice) && LIST_PRICE.test(ctx.s) && !UNIT_LIST_PRICE_BEFORE.test(tail(ctx.left, 30))) return { attribute: "deal_value", strength: 3 };
    // "Øresund Bank is lending €800 million": a loan, whoever takes it.
    // ("is providing NOK 3.5 billion" only in a sentence about a loan)
    if (sentenceHas(ctx.s, GATE.lend) && (LEND_BEFORE.test(tail(ctx.left, 40)) || (PROVIDE_BEFORE.test(tail(ctx.left, 40)) && LOAN_WORDS.test(ctx.s)))) return { attribute: "debt_financing", strength: 3 };
    // "will fund the purchase with C$1.1 billion of cash on hand, C$600 million of new notes and
    // a C$400 million offering": how the buyer pays, not the price.
    // ("priced at C$52.75 each" is a price, not a means)
    if (sentenceHas(ctx.s, GATE.fundDeal) && sentenceHas(ctx.s, GATE.dealNoun) && !/\bat\s*$/.test(tail(ctx.left, 8)) && FUND_DEAL_WITH_BEFORE.test(ctx.s.slice(Math.max(0, ctx.fs - 200), ctx.fs))) {
      const own = ctx.s.slice(ctx.fe, ctx.fe + 60).split(/[,;]|\band\b/, 1)[0] as string;
      if (DEBT_OWN.test(own)) return { attribute: "debt_financing", strength: 3 };
      if (EQUITY_OWN.test(own)) return { attribute: "equity_offering", strength: 3 };
      return { attribute: "amount", strength: 2.5 };
    }
    // "was led by Brennerhof Capital with €60 million": the lead investor's share of the round.
    // (the words before the figure end as one of the two patterns below needs, looked at once for both)
    // (null, or a "~" or "≈" before the figure: the end word cannot tell)
    const leftEnd = endWordOrApprox(ctx.left, NEW_LEFT_MAX);
    // (read on the sentence, not the left window: "raised $200 million in a round led by X with $60 million" gives "led" to the first figure's head)
    if ((leftEnd === null || LED_BY_WITH_LAST.has(leftEnd)) && LED_BY_WITH_BEFORE.test(ctx.s.slice(Math.max(0, ctx.fs - 90), ctx.fs))) return { attribute: "investment_amount", strength: 3 };
    if ((leftEnd === null || TOTAL_RAISED_LAST.has(leftEnd)) && sentenceHas(ctx.s, GATE.total) && TOTAL_RAISED_BEFORE.test(ctx.s.slice(Math.max(0, ctx.fs - 160), ctx.fs))) return { attribute: "total_funding", strength: 3 };
    // "a 22% discount to Wednesday's close of ₩159,000": a closing share price.
    if (sentenceHas(ctx.s, GATE.shareWords) && CLOSE_OF_BEFORE.test(tail(ctx.left, 24))) return { attribute: "share_price", strength: 2.5 };
    if ((leftEnd === null || TRADING_PRICE_LAST.has(leftEnd)) && TRADING_PRICE_BEFORE.test(tail(ctx.left, 50))) return { attribute: "share_price", strength: 2.5 };
    // "raised his price target on X to A$4.20 from A$3.60": an analyst's view of the share price.
    if (sentenceHas(ctx.s, GATE.priceTarget) && PRICE_TARGET_BEFORE.test(ctx.s.slice(Math.max(ctx.clauseStart, ctx.fs - 80), ctx.fs))) return { attribute: "share_price", strength: 3 };
    // "will spend A$2.7 billion to build a 14.9% stake in X", "paid $500 million for a stake in X":
    // the money buys into X, an investment however it is worded.
    const stake = sentenceHas(ctx.s, GATE.stake) ? ctx.s.indexOf("stake", ctx.fe) : -1; // STAKE_BOUGHT_AFTER needs "stake" in its window
    if (stake >= 0 && stake + 5 <= ctx.fe + 80 && STAKE_BOUGHT_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 80))) return { attribute: "investment_amount", strength: 3 };
    // "shares rose 3% to $178.50", "opened at $31.50": a share price, whatever keywords follow ("could raise up to" is no price).
    if (sentenceHas(ctx.s, GATE.shareWords) && /\b(?:to|at)\s*$/.test(tail(ctx.left, 8)) && !/\bup to\s*$/i.test(tail(ctx.left, 8)) && SHARE_PRICE.test((before ??= beforeFigure(ctx))) && !/\bvalu\w*\s+(?:\S+\s+){0,4}at\s*$/i.test(tail(before, 80))) {
      return { attribute: OFFER_CONTEXT.test(before) ? "offer_price" : "share_price", strength: 2.5 };
    }
  }
  const mask = kindMask(kinds);
  // the left words without their trailing modifiers, worked out when a left pattern needs them
  let stripped: string | undefined;
  /** where stripped starts in the sentence */
  let strippedAt = 0;
  const inHead = pickIn(ctx, ctx.fe, ctx.headEnd, mask, FIRST);
  sentenceRules(ctx.s);
  // the end word of stripped, looked for once (see leftEnd)
  let endPlain: string | null | undefined;
  let endColon: string | null | undefined;
  for (const ri of memoPresentList) {
    const rule = ATTRIBUTE_RULES[ri] as AttrRule;
    if (!rule.left || !((RULE_MASKS[ri] as number) & mask)) continue;
    if (stripped === undefined) {
      const left = ctx.left.length > 120 ? ctx.left.slice(-120) : ctx.left;
      strippedAt = ctx.fs - left.length;
      stripped = stripModifiers(left); // a prefix of left
    }
    if (LEFT_HOLDS_HINT[ri] && !groupWithin(ri, strippedAt, strippedAt + stripped.length)) continue;
    let end: string | null;
    if (rule.leftColon) end = endColon === undefined ? (endColon = endWord(stripped, LEFT_END_MAX, true)) : endColon;
    else end = endPlain === undefined ? (endPlain = endWord(stripped, LEFT_END_MAX)) : endPlain;
    if ((end !== null && !(LEFT_ENDS[ri] as Set<string>).has(end)) || !rule.left.test(stripped)) continue;
    // "Revenue hits $9B run rate", "raises $830 million in debt": the head refines the left word.
    if (inHead && REFINES[inHead.rule.attribute] === rule.attribute) return { attribute: inHead.rule.attribute, strength: 3 };
    if (rule.attribute === "funding_round_size" && TO_DATE_AFTER.test(ctx.right)) return { attribute: "total_funding", strength: 3 };
    if (rule.attribute === "investment_amount" && INVEST_IN_THINGS.test(ctx.s.slice(ctx.fe))) return { attribute: "spending_commitment", strength: 2.5 };
    if (rule.attribute === "valuation" && POST_MONEY_AFTER.test(ctx.right)) return { attribute: "valuation_post_money", strength: 3 };
    if (rule.attribute === "valuation" && PRE_MONEY_AFTER.test(ctx.right)) return { attribute: "valuation_pre_money", strength: 3 };
    // "Shares rose 3.2% to NOK 64.10, valuing the company at NOK 11.5 billion": the market's value of a listed company.
    if (rule.attribute === "valuation" && stockMarketValue(ctx.s)) return { attribute: "market_capitalization", strength: 3 };
    // "will acquire Quanta Bio for $38.50 per share, valuing the biotech at $14.6 billion": what the buyer pays.
    if (rule.attribute === "valuation" && TAKEOVER_CONTEXT.test(ctx.s) && !PRIVATE_VALUE.test(ctx.s)) return { attribute: "acquisition_price", strength: 3 };
    return { attribute: rule.attribute, strength: 3 };
  }
  if (inHead) return { attribute: inHead.rule.attribute, strength: 3 };
  for (const ri of HEAD_RULES) {
    const rule = ATTRIBUTE_RULES[ri] as AttrRule;
    const gate = HEAD_GATES[rule.attribute];
    if (gate !== undefined && !sentenceHas(ctx.s, gate)) continue;
    if ((RULE_MASKS[ri] as number) & mask && (rule.head as RegExp).test(ctx.head)) return { attribute: rule.attribute, strength: 2.5 };
  }
  if (inTable && ctx.label) {
    const h = firstLabelHit(ctx.label, mask);
    if (h) return { attribute: h.rule.attribute, strength: 3 };
  }
  const leftStart = ctx.fs - ctx.left.length;
  const inLeft = pickIn(ctx, leftStart, ctx.fs, mask, NEAREST_BEFORE, ctx.fs);
  if (inLeft?.rule.attribute === "spending_commitment" && SPEND_ON_CAPEX.test(ctx.s.slice(ctx.fe))) return { attribute: "capital_expenditure", strength: 2.5 };
  if (inLeft) return { attribute: inLeft.rule.attribute, strength: 2 };
  // "revenue grew 44% to $612 million": the noun before the change names the level after it.
  if (ctx.leftThrough !== null) {
    const h = pickIn(ctx, ctx.leftThrough, leftStart, mask, NEAREST_BEFORE, leftStart);
    if (h) return { attribute: h.rule.attribute, strength: 2 };
  }
  const inClause = pickIn(ctx, ctx.regionStart, ctx.regionEnd, mask, NEAREST_OUTSIDE);
  if (inClause) return { attribute: inClause.rule.attribute, strength: 1.5 };
  if (ctx.label) {
    const h = firstLabelHit(ctx.label, mask);
    if (h) return { attribute: h.rule.attribute, strength: 2 };
  }
  if (ctx.sameKind === 1 || f.kind === "power" || f.kind === "count") {
    const near = pickIn(ctx, 0, ctx.s.length, mask, NEAREST_OUTSIDE);
    if (near) return { attribute: near.rule.attribute, strength: 1 };
  }
  if (f.kind === "money" && PURPOSE_AFTER.test(ctx.s.slice(ctx.fe)) && !SECTOR_AFTER.test(ctx.s.slice(ctx.fe))) {
    return { attribute: "spending_commitment", strength: 1.5 };
  }
  // "a 20 GWh cell plant": energy, not power, is a production capacity.
  if (f.kind === "power") return { attribute: /h$/.test(f.unit) ? "production_capacity" : "capacity", strength: /h$/.test(f.unit) ? 1.5 : 0.5 };
  return { attribute: FALLBACK[f.kind], strength: 0 };
}

// ---------------------------------------------------------------------------------------
// Changes and multiples: "up 31%", "+24% YoY", "18% lower", "a $340 billion increase",
// "fell 2.1%", "cut 800 jobs". A change is stored signed (falls are negative) under the
// attribute of what changed plus "_change"; a multiple under the same plus "_multiple".

const UP_WORDS =
  "up|rose|rise|rises|rising|grew|grow|grows|growing|gained|gains?|jumped|jumps?|jumping|surged?|surges|surging|soared?|soars|soaring|climbed|climbs?|climbing|increased?|increases|increasing|rallied|rallies|advanced|advances|added|adds|add|adding|hire|hires|hired|hiring|recruit|recruits|recruited|recruiting|risen|widened|expanded|expands?|boosted|lifted|lifts?|lift|raised|raises|higher|spiked|spikes|leapt|leaps|leaped|popped|improved|improves|edged up|ticked up";
const DOWN_WORDS =
  "down|fell|falls?|falling|fallen|dropped|drops?|dropping|declined|declines?|declining|decreased|decreases?|slid|slide|sliding|slides|slipped|slips|slumped|slump|slumping|slumps|plunged|plunges?|plunging|tumbled|tumble|tumbling|tumbles|sank|sink|sinking|sinks|lost|loses|lowered|cut|cuts|shed|sheds|narrowed|shrank|shrinks|contracted|eased|eases|retreated|dipped|dips|dived|dive|diving|dives|crashed|collapsed|worsened|worsens|deteriorated|lower|edged down|ticked down";
// ("as" and "much" read "rose as much as 8.1%")
const VERB_MODIFIERS = "by|nearly|almost|about|around|roughly|some|more than|over|just|another|a further|an additional|a|an|as|much";
const BY_MODIFIERS = "about|around|roughly|some|nearly|almost|more than|up to|as much as";
const CHANGE_BY_END = new RegExp(String.raw`\b(?:(?<up>${UP_WORDS}|expand|grow|increase|boost|raise)|(?<down>${DOWN_WORDS}|reduce|reduced|reduces|trim|trimmed))\b[^;:.]{0,70}\bby(?:\s+(?:${BY_MODIFIERS}))*\s*$`, "i");
/** The words a text must end in (white space aside) for changeVerbEnd to find a change in it. */
const CHANGE_VERB_LAST = new Set([...lastWords(UP_WORDS), ...lastWords(DOWN_WORDS), ...lastWords(VERB_MODIFIERS)]);
const CHANGE_VERB_LAST_MAX = longest(CHANGE_VERB_LAST);
const CHANGE_UP_LAST = lastWords(UP_WORDS);
const CHANGE_DOWN_LAST = lastWords(DOWN_WORDS);
/** The verb modifiers of one word; and of two, by their second word ("than" of "more than"). */
const VERB_MODIFIER_WORDS = new Set(VERB_MODIFIERS.split("|").filter((m) => !m.includes(" ")));
const VERB_MODIFIER_PAIRS = new Map(VERB_MODIFIERS.split("|").flatMap((m): Array<[string, string]> => (m.includes(" ") ? [[m.slice(m.indexOf(" ") + 1), m.slice(0, m.indexOf(" "))]] : [])));
const VERB_END_WORD_MAX = Math.max(CHANGE_VERB_LAST_MAX, longest(new Set(VERB_MODIFIER_PAIRS.keys())));
// what changeVerbEnd relies on: a last word names one group, is no modifier, and is a word of its group alone
for (const w of CHANGE_UP_LAST) if (CHANGE_DOWN_LAST.has(w)) throw new Error(`change words: ${w} both rises and falls`);
for (const w of [...CHANGE_UP_LAST, ...CHANGE_DOWN_LAST]) if (VERB_MODIFIER_WORDS.has(w) || VERB_MODIFIER_PAIRS.has(w)) throw new Error(`change words: ${w} is also a modifier`);
for (const words of [UP_WORDS, DOWN_WORDS]) {
  const alone = new Set(words.split("|"));
  for (const w of alone) if (w.includes(" ") && !alone.has(w.slice(w.lastIndexOf(" ") + 1))) throw new Error(`change words: ${w} ends in a word that is not one alone`);
}

/**
 * What /\b(?:(?<up>UP_WORDS)|(?<down>DOWN_WORDS))(?:\s+(?:VERB_MODIFIERS))*\s*$/i finds in
 * text, read backwards from the end: +1 for a match in group "up", -1 in group "down", 0 for
 * none. After a rise or fall word at a word boundary come only modifiers, each a whole word
 * after white space (those of two words joined by one " "): "rose by about". As the checks
 * above make sure, the last word of the change word alone decides ("edged up" ends in "up").
 */
function changeVerbEnd(text: string): number {
  let e = text.length;
  for (;;) {
    while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
    let b = e;
    let upper = false;
    while (b > 0 && e - b <= VERB_END_WORD_MAX) {
      const c = text.charCodeAt(b - 1);
      if (!isAsciiLetter(c)) break;
      if (c < 97) upper = true;
      b--;
    }
    if (b === e || e - b > VERB_END_WORD_MAX) return 0;
    const word = upper ? text.slice(b, e).toLowerCase() : text.slice(b, e);
    const before = b > 0 ? text.charCodeAt(b - 1) : -1;
    if (CHANGE_UP_LAST.has(word) || CHANGE_DOWN_LAST.has(word)) {
      if (before >= 0 && isWordCode(before)) return 0; // no word boundary (a digit or "_")
      return CHANGE_UP_LAST.has(word) ? 1 : -1;
    }
    if (VERB_MODIFIER_WORDS.has(word)) {
      if (before < 0 || !isSpaceCode(before)) return 0;
      e = b;
      continue;
    }
    const first = VERB_MODIFIER_PAIRS.get(word);
    if (first === undefined) return 0;
    const at = b - 1 - first.length;
    if (before !== 32 || at <= 0 || !holdsAt(text, at, first) || !isSpaceCode(text.charCodeAt(at - 1))) return 0;
    e = at;
  }
}
const CHANGE_BY_LAST = lastWords(`by|${BY_MODIFIERS}`);
const CHANGE_BY_LAST_MAX = longest(CHANGE_BY_LAST);
const CHANGE_HEAD_UP = /^(?:increase|rise|jump|gain|growth|boost|surge|hike|uplift|higher|more|up|above|YoY|year[- ]over[- ]year|year[- ]on[- ]year|y\/y|QoQ|quarter[- ]over[- ]quarter)\b/i;
const CHANGE_HEAD_DOWN = /^(?:drop|decline|decrease|fall|cut|reduction|lower|less|down|below|slump|plunge)\b/i;
/**
 * The words (ASCII letters, any case) that CHANGE_HEAD_UP and CHANGE_HEAD_DOWN (and so the
 * comparatives "more", "less", ...) can start with, up to the first character that is not a letter ("year" of "year-over-year",
 * "y" of "y/y"): a head that starts with another word matches none of them.
 */
const CHANGE_HEAD_FIRST = [
  ..."increase|rise|jump|gain|growth|boost|surge|hike|uplift|higher|more|up|above|yoy|year|y|qoq|quarter".split("|"),
  ..."drop|decline|decrease|fall|cut|reduction|lower|less|down|below|slump|plunge".split("|"),
];
/** CHANGE_HEAD_FIRST by length, to compare in place. */
const CHANGE_HEAD_FIRST_BY_LENGTH: string[][] = [];
for (const w of CHANGE_HEAD_FIRST) (CHANGE_HEAD_FIRST_BY_LENGTH[w.length] ??= []).push(w);

/** Does the head start with a word of CHANGE_HEAD_FIRST, followed by no letter? */
function changeHeadMay(head: string): boolean {
  let n = 0;
  while (n < head.length && n < CHANGE_HEAD_FIRST_BY_LENGTH.length && isAsciiLetter(head.charCodeAt(n))) n++;
  const words = CHANGE_HEAD_FIRST_BY_LENGTH[n]; // none when the run of letters is longer than every word
  if (words === undefined) return false;
  for (const w of words) if (holdsAt(head, 0, w)) return true;
  return false;
}
const GROWTH_LABEL = /\b(?:growth|change|YoY|increase|decrease|y\/y)\b/i;

/** "make up 40%", "lining up €1.7 billion", "set up", "racked up": a phrasal verb, not a rise. */
const MAKE_UP_END = /\b(?:ma(?:ke|kes|de|king)|lin(?:e|es|ed|ing)|set(?:s|ting)?|sign(?:s|ed|ing)?|draw(?:s|n|ing)?|drew|put(?:s|ting)?|tie(?:s|d)?|tying|shor(?:e|es|ed|ing)|snap(?:s|ped|ping)?|scoop(?:s|ed|ing)?|stump(?:s|ed|ing)?|cough(?:s|ed|ing)?|fork(?:s|ed|ing)?|rack(?:s|ed|ing)?)\s+up\s*$/i;
const WORKFORCE_HEAD = /^\s*of\s+(?:its|the|their|our|the company's|the group's)\s+(?:[\p{L}-]+\s+){0,2}?(?:workforce|work force|staff|employees|headcount|jobs|personnel|employees)\b/iu;
const WORKFORCE_CUT_BEFORE = /\b(?:cut(?:s|ting)?|eliminat(?:e|es|ed|ing)|shed(?:s|ding)?|slash(?:es|ed|ing)?|lay(?:s|ing)? off|laid off|reduc(?:e|es|ed|ing))\b[^.;]*$/i;
// ("aims to save $600 million a year": what is saved)
const COST_CUT_BEFORE =
  /\b(?:(?:cut(?:s|ting)?|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|trim(?:s|med|ming)?)\s+(?:its\s+|their\s+|annual\s+|operating\s+|fixed\s+)*(?:costs?|expenses|overheads?|spending)\s+by|sav(?:e|es|ed|ing))\s+(?:about\s+|around\s+|roughly\s+|some\s+|up\s+to\s+|more\s+than\s+|an\s+additional\s+|a\s+further\s+)?$/i;
/** COST_CUT_BEFORE ends in white space after one of these words. */
const COST_CUT_LAST = lastWords("by|about|around|roughly|some|to|save|saves|saved|saving|than|additional|further");
const COST_CUT_LAST_MAX = longest(COST_CUT_LAST);
// changeSign and decideAttribute both ask about the same left words of a money figure
let memoCostCutLeft = "";
let memoCostCut = false;

function costCutBefore(left: string): boolean {
  if (left === memoCostCutLeft) return memoCostCut;
  memoCostCutLeft = left;
  memoCostCut = left.length > 0 && isSpaceCode(left.charCodeAt(left.length - 1)) && mayEndIn(left, COST_CUT_LAST, COST_CUT_LAST_MAX) && COST_CUT_BEFORE.test(left);
  return memoCostCut;
}
/**
 * Does text start with "of" (any case) after white space (/\s/)? WORKFORCE_HEAD needs it: no
 * other character matches "o" or "f" under the flags "iu".
 */
function opensWithOf(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return (text.charCodeAt(i) | 32) === 111 && (text.charCodeAt(i + 1) | 32) === 102; // "o" "f"
}
/** "9 million (net new) subscribers": the people a service counts. */
const MEMBERS_HEAD = /^\s*(?:(?:net|new|paid|paying|more|active)\s+)*(?:subscribers|users|customers|members|accounts|clients|listeners|viewers|players)\b/i;
/** "add around 1,200 staff", "hire 250 more": people taken on, a rise in headcount. */
const JOBS_CUT_BEFORE = /\b(?:cutting|shedding|eliminating)\s+(?:(?:about|around|roughly|some|nearly|almost|up to|more than)\s+)?$/i;
const HIRE_BEFORE = /\b(?:hir(?:e|es|ed|ing)|add(?:s|ed|ing)?|recruit(?:s|ed|ing)?)(?:\s+(?:about|around|roughly|some|nearly|almost|another|a further|an additional|more than|up to))*\s*$/i;
const STAFF_HEAD = /^\s*(?:(?:more|new|additional|full-time|permanent)\s+)*(?:staff|employees|workers|people|engineers|jobs|positions|roles|hires)\b|^\s*more\b/i;

const POINTS_THEN_TO = /(?:\b(?:percentage|basis) points?|\dbps?)\b[^;.]{0,60}\bto\s*$/;

/** +1 for a rise, -1 for a fall, 0 for a level. */
/** "adding about $1.1 billion to its market value", "add 9 cents a share to earnings": what the amount is added to. */
const TO_MEASURE_AFTER =
  /^(?:\s+(?:a|per)\s+share)?\s+to\s+(?:(?:its|their|the|[\p{Lu}][\p{L}\p{N}&.-]*['’]s?)\s+)?(?:(?:annual|yearly|full-year|quarterly|(?:19|20)\d\d)\s+)?(?<measure>revenues?|sales|earnings|profits?|market\s+(?:value|capitali[sz]ation)|valuation|EBITDA)\b/iu;
const ADD_BEFORE = /\badd(?:s|ed|ing)?\s+(?:(?:about|around|roughly|nearly|some|up to|as much as|an? (?:extra|additional))\s+)?$/i;

/**
 * The measure an amount is added to ("adding $1.1 billion to its market value" moves the market
 * capitalisation; "add 9 cents a share to earnings", the earnings per share), or null.
 */
export function addedToMeasure(f: Figure, ctx: FigureContext): string | null {
  if (f.kind !== "money" && f.kind !== "percent") return null;
  const m = TO_MEASURE_AFTER.exec(ctx.right);
  if (!m || !ADD_BEFORE.test(tail(ctx.left, 40))) return null;
  const measure = (m.groups?.measure ?? "").toLowerCase();
  if (measure.startsWith("market") || measure === "valuation") return measure === "valuation" ? "valuation" : "market_capitalization";
  if (measure === "ebitda") return "ebitda";
  if (measure === "earnings" || measure.startsWith("profit")) return /^\s+(?:a|per)\s+share/i.test(ctx.right) ? "eps" : "net_income";
  return "revenue";
}

// (not a share price against its listing: "27% below their IPO price" is a move of the share price)
const PRICE_COMPARED_HEAD = /^\s*(?:below|above)\s+(?:the\s+|its\s+)?(?!(?:their|its)\s)(?:(?!IPO\b|offer\b|listing\b|debut\b)[\p{L}'’-]+\s+){0,3}?(?:price|close|closing price)\b/iu;
const NO_VERB_BEFORE = /(?:^|[,;(]|\band|\bor|\ba|\ban)\s*(?:(?:about|around|roughly|nearly|some|almost)\s+)?$/i;
/**
 * "a 32% discount to Tuesday's close and about 25% below the theoretical ex-rights price": a price
 * set against another, said without a verb that moves it, is a premium (negative below).
 */
export function priceComparedAfter(f: Figure, ctx: FigureContext): boolean {
  return f.kind === "percent" && PRICE_COMPARED_HEAD.test(ctx.head) && NO_VERB_BEFORE.test(tail(ctx.left, 24));
}

export function changeSign(f: Figure, ctx: FigureContext, valueText: string): number {
  if (f.kind !== "percent" && f.kind !== "money" && f.kind !== "count") return 0;
  if (addedToMeasure(f, ctx) !== null) return 1;
  // "cutting about 420 jobs": jobs being cut (the verb in "-ing" is no change verb elsewhere: "cutting prices by 10%")
  if (f.kind === "count" && JOBS_CUT_BEFORE.test(tail(ctx.left, 40)) && STAFF_HEAD.test(ctx.head)) return -1;
  if (priceComparedAfter(f, ctx)) return 0;
  // "the margin narrowed 12 basis points from a year earlier to 3.06%": the rate reached, a level.
  if (f.kind === "percent" && (ctx.s.includes(" points") || ctx.s.includes("bp")) && POINTS_THEN_TO.test(ctx.s.slice(Math.max(ctx.clauseStart, ctx.fs - 90), ctx.fs))) return 0;
  if (f.kind === "percent" && /^[+]/.test(valueText)) return 1;
  if (f.kind === "percent" && /^[-−]/.test(valueText)) return -1;
  const head = ctx.head.charCodeAt(0) === 43 ? ctx.head.replace(/^\+\s*/, "") : ctx.head; // "+"
  // "$5 billion more from Beta" is an additional amount; "5% more" or "5% higher" is a change.
  const headMay = changeHeadMay(head);
  const comparative = headMay && /^(?:more|less|higher|lower|above|below)\b/i.test(head);
  if (headMay && (!comparative || f.kind === "percent")) {
    if (CHANGE_HEAD_UP.test(head) && !/^more\s+than\b/i.test(head)) return 1;
    if (CHANGE_HEAD_DOWN.test(head) && !/^less\s+than\b/i.test(head)) return -1;
  }
  // "cut 1,500 jobs, or 4% of its staff": the share of a workforce cut is a fall in headcount.
  if (f.kind === "percent" && opensWithOf(head) && WORKFORCE_HEAD.test(head) && WORKFORCE_CUT_BEFORE.test(ctx.s.slice(Math.max(0, ctx.fs - 120), ctx.fs))) return -1;
  const left = tail(ctx.left, 80);
  // "cut costs by CHF 1.5 billion": the amount saved, not a change of something.
  if (f.kind === "money" && costCutBefore(left)) return 0;
  const leftWord = endWord(left, CHANGE_VERB_LAST_MAX);
  if ((leftWord === null || leftWord === "to") && sentenceHas(ctx.s, GATE.upTo) && /\bup to\s*$/i.test(left)) return 0;
  // "women make up 40% of its staff": a share, not a rise.
  const verbSign = (leftWord === null || CHANGE_VERB_LAST.has(leftWord)) && !(leftWord === "up" && MAKE_UP_END.test(left)) ? changeVerbEnd(left) : 0;
  let sign = verbSign;
  if (sign === 0) {
    const near = ctx.s.slice(Math.max(0, ctx.fs - 90), ctx.fs);
    const m = mayEndIn(near, CHANGE_BY_LAST, CHANGE_BY_LAST_MAX) ? CHANGE_BY_END.exec(near) : null;
    if (m) sign = m[2] !== undefined ? -1 : 1; // group "down"
  }
  if (sign !== 0) {
    // "raised $5 billion", "lost $38 million", "added 500 users" are levels; only a share of something moves by a percent.
    // ("rose 62 cents, or 3.3%, to $19.41", "rose $2 billion to $10 billion": an amount a level moved by)
    if (f.kind !== "percent" && verbSign !== 0 && !/\bby\s*$/i.test(stripModifiers(left)) && !/\b(?:up|down)\s*$/i.test(left) && !(f.kind === "money" && MOVED_BY_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 24)))) {
      // "cut 800 jobs" and "added 9 million subscribers" change a count; "added 500 stores to its plan" does not.
      const countMoves =
        f.kind === "count" &&
        (sign < 0
          ? /\b(?:cut|cuts|shed|sheds|lost)\b/i.test(left)
          : (/\b(?:add(?:s|ed|ing)?|gain(?:s|ed|ing)?)\s*$/i.test(left) && MEMBERS_HEAD.test(ctx.head)) || (HIRE_BEFORE.test(left) && STAFF_HEAD.test(ctx.right)));
      if (!countMoves) return 0;
    }
    return sign;
  }
  if (f.kind === "percent" && ctx.label && GROWTH_LABEL.test(ctx.label)) return 1;
  // "forecast revenue growth of 4% to 6%", "a decline of 3%"
  if (f.kind === "percent" && (leftWord === "of" || leftWord === "at" || leftWord === "between" || leftWord === "about" || leftWord === "around")) {
    const t = tail(left, 40);
    if (GROWTH_OF_BEFORE.test(t)) return 1;
    if (DECLINE_OF_BEFORE.test(t)) return -1;
  }
  return 0;
}
const MOVED_BY_AFTER = /^,?\s*(?:or\s+(?:about\s+)?[\d.]+\s?%|to\s+(?:[A-Z]{0,3}\$|€|£|¥|₹|₩)\s?\d)/;
const GROWTH_OF_BEFORE = /\b(?:growth|increase|rise|gain|expansion)\s+(?:of|at)\s+(?:about\s+|around\s+|roughly\s+|between\s+|some\s+)?$/i;
const DECLINE_OF_BEFORE = /\b(?:decline|decrease|drop|fall|contraction)\s+(?:of|at)\s+(?:about\s+|around\s+|roughly\s+|between\s+|some\s+)?$/i;

/** Measures outside the attribute list: a change of one of these is a plain "change". */
const PRICE_HINT = /price/i;
const PRICE_RAISE = /\b(?:rais|lift|increas|hik|cut|lower|reduc)(?:e|es|ed|ing)?\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}?prices?\b/iu;
const DEBUT = /\b(?:debut|first day of trading|first-day|first trading day)\b/i;
const DEBUT_AFTER = /^\s+(?:in|on)\s+(?:(?:its|their|the)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:debut|first day of trading|first trading day)\b/iu;
const OUTPUT_WORDS = /\b(?:production|output)\b/i;
const OTHER_MEASURES = /\b(?:dividends?|margins?|prices? per|costs?|traffic|impressions|volumes?|orders|inventor(?:y|ies)|deliveries|bookings|backlog)\b/i;
const PER_SHARE_WORDS = /\bper share\b|\bearnings per share\b|\bEPS\b/i;
const SHARE_WORDS = /\b(?:shares?|stock|share price|stock price|ADRs?|depositary (?:receipts|shares))\b/i;

/** What joins clauses: the words after the last one are the nearest clause. */
const CLAUSE_JOIN = /,|;|\band\b|\bwhile\b/g;

/**
 * What changed or was multiplied, from the words around the figure: an attribute, "" when
 * the words name a measure outside the list ("raised its dividend by 12%"), null when silent.
 */
export function baseFromWords(f: Figure, ctx: FigureContext, inTable: boolean): string | null {
  if (isPercentagePoints(f, ctx)) return rateFromWords(f, ctx, inTable);
  const before = ctx.s.slice(majorStart(ctx), ctx.fs);
  // the nearest clause only: "a $10 billion share buyback and raised its dividend by 12%" is about the dividend
  CLAUSE_JOIN.lastIndex = 0;
  let nearStart = 0;
  while (CLAUSE_JOIN.exec(before) !== null) nearStart = CLAUSE_JOIN.lastIndex;
  const near = before.slice(nearStart);
  const around = `${near} ${ctx.head}`;
  if (OTHER_MEASURES.test(near)) return "";
  const shareWords = sentenceHas(ctx.s, GATE.shareWords);
  if (shareWords && SHARE_WORDS.test(around) && !PER_SHARE_WORDS.test(around)) return "share_price";
  // "raise the monthly price of its plan by $2": a price outside the list, not money raised
  if (PRICE_HINT.test(near) && PRICE_RAISE.test(near)) return "";
  // "jumps 27% in Nasdaq debut": a new listing's share price
  if (sentenceHas(ctx.s, GATE.debut) && (DEBUT.test(near) || DEBUT_AFTER.test(ctx.s.slice(ctx.fe, ctx.fe + 50)))) return "share_price";
  const choice = decideAttribute({ ...f, kind: "money" }, ctx, inTable, ["money", "count"]);
  let attribute = choice.strength >= 1.5 && usableBase(choice.attribute) ? choice.attribute : null;
  // "copper production rose 9%": a change of output (a volume's own rule is in decideMeasure)
  if (!attribute && OUTPUT_WORDS.test(near)) return "production";
  if (!attribute && OTHER_MEASURES.test(around)) return "";
  if (!attribute) {
    // "The median valuation in March 2026 was 18% lower": the noun may sit before another figure.
    const h = pickIn(ctx, majorStart(ctx), ctx.fs, MONEY_OR_COUNT, NEAREST_BEFORE, ctx.fs, true);
    attribute = h ? h.rule.attribute : null;
  }
  if (!attribute && shareWords && SHARE_WORDS.test(before) && !PER_SHARE_WORDS.test(before)) return "share_price";
  if (!attribute) return null;
  // ("Its loan book grew 54%": a balance, not debt raised; a plain change)
  if (attribute === "debt_financing" && debtBalance(ctx)) return "";
  return /^valuation_/.test(attribute) ? "valuation" : attribute;
}

/** "rose 2.3 percentage points": a change of a rate (a margin, a share, a load factor), never of an amount or a share price. */
export function isPercentagePoints(f: Figure, ctx: FigureContext): boolean {
  return f.kind === "percent" && POINTS_END.test(ctx.s.slice(ctx.fs, ctx.fe));
}
// (a basis point is a hundredth of one: "narrowed 12 basis points", "145bps")
const POINTS_END = /\bpercentage points?$|\bbasis points?$|\dbps?$|\sbps?$/;

/** The rate that moved by some percentage points: a percentage measure named before it, or "" (a plain change). */
function rateFromWords(f: Figure, ctx: FigureContext, inTable: boolean): string {
  const choice = decideAttribute(f, { ...ctx, head: "" }, inTable, ["percent"]);
  return choice.strength >= 1.5 && usableBase(choice.attribute) && choice.attribute !== "percentage" ? choice.attribute : "";
}

/** "Meta surges 8%", "ServiceNow Plunges 10%": a company moving by a percent is its share price. */
const anyCaseFirst = (words: string): string => words.split("|").map((w) => `[${w[0]}${(w[0] ?? "").toUpperCase()}]${w.slice(1)}`).join("|");
const ORG_MOVE = new RegExp(
  String.raw`^\s*(?:[Ss]hares\s+(?:of|in)\s+)?[\p{Lu}][\p{L}\p{N}&.'’-]*(?:\s+[\p{Lu}][\p{L}\p{N}&.'’-]*){0,3}?\s+(?:${anyCaseFirst(UP_WORDS)}|${anyCaseFirst(DOWN_WORDS)})(?:\s+(?:by|nearly|almost|about|around|roughly|more than|over))*\s*$`,
  "u",
);

export function orgMoveBefore(ctx: FigureContext): boolean {
  return ORG_MOVE.test(ctx.s.slice(ctx.clauseStart, ctx.fs).replace(/^\s*(?:while|whereas|and|but|as)\s+/i, ""));
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
    // ("Analysts had on average expected ₹3,350 crore": what analysts expected is an estimate)
    re: /\bestimat(?:e|es|ed|ion)\b|\bEst\b\.?|\bproject(?:ed|ion|ions)\b|\bforecast(?:s|ed)?\b|\bexpected to (?:reach|hit|be|total)\b|\bcould (?:reach|hit|total|rise|be)\b|\bguidance\b|\bexpects?\b|\bprice target\b|\btarget price\b|\banalysts?\b[^.;]{0,50}\bexpected\b/i,
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
  "ipo_date",
  "deal_value",
  "acquisition_price",
  "offer_price",
  "debt_financing",
  "equity_offering",
  "total_funding",
  "spending_commitment",
]);

// Sentence-scope rules give the same answer for every figure of a sentence, clause-scope
// rules for every figure of a clause: remember them for the last text each was asked about,
// each worked out only when a figure first needs it (the first rule that fires wins).
//
// A clause, or a major part, is a stretch of the sentence cut at non-word characters (clause
// punctuation, "; ", ", while "): a rule pattern (words, "\b", no anchors, no lookaround)
// that matches it matches the whole sentence too. So the whole sentence is tested first, once,
// and the part only when the sentence matches.
type RuleMemo = { text: string; hits: Array<boolean | undefined> };
const wholeMemo: RuleMemo = { text: "", hits: [] };
const sentenceMemo: RuleMemo = { text: "", hits: [] };
const clauseMemo: RuleMemo = { text: "", hits: [] };

for (const rule of MODALITY_RULES) {
  // what the reasoning above needs of a sentence or clause pattern
  if (rule.scope !== "local" && /\(\?[=!<]|\\B|\$|(?<!\[)\^/.test(rule.re.source)) throw new Error(`modality rule ${rule.modality}: no anchors or lookaround`);
}

/** MODALITY_HINTS index by rule index (-1: no hints). */
const MODALITY_HINT_INDEX: number[] = MODALITY_RULES.map((rule) => MODALITY_HINTS.findIndex(([m]) => m === rule.modality));

/** Could rule i match the sentence s, by its hints (see MODALITY_HINTS)? */
function modalityMayMatch(s: string, i: number): boolean {
  const h = MODALITY_HINT_INDEX[i] as number;
  if (h < 0) return true;
  sentenceRules(s);
  return hasGroup(memoGroups, MODALITY_GROUP0 + h);
}

/** Could rule i match the stretch [a, b) of the sentence s, by where its hints are in s? */
function modalityMayMatchIn(s: string, i: number, a: number, b: number): boolean {
  const h = MODALITY_HINT_INDEX[i] as number;
  if (h < 0) return true;
  sentenceRules(s);
  const g = MODALITY_GROUP0 + h;
  return hasGroup(memoGroups, g) && groupWithin(g, a, b);
}

// A labelled text (`${part} ${label}`, the part a stretch of s) holds a hint of rule i only
// if s does, the label does, or a hint with a space runs across the " " between them: the
// part ends in what the hint has before one of its spaces, and the label starts with the rest.
/** By MODALITY_HINTS index: each hint with a space, cut at each of its spaces. */
const SPACED_HINT_CUTS: Array<Array<[string, string]>> = MODALITY_HINTS.map(([, hints]) =>
  hints.flatMap((f) => [...f].flatMap((ch, k): Array<[string, string]> => (ch === " " ? [[f.slice(0, k), f.slice(k + 1)]] : []))),
);
let memoLabelText: string | null = null;
const memoLabelGroups = new Int32Array(FRAGMENT_GROUPS.words);

/** The ASCII character c lowercases to (toLowerCase), -1 if none (a non-ASCII character, or "İ"). */
function lowerAscii(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return c === 0x212a ? 107 : -1; // the Kelvin sign lowercases to "k"
}

/** Does text.toLowerCase() end with the ASCII `end`? */
function lowerEndsWith(text: string, end: string): boolean {
  if (end.length > text.length) return false;
  const at = text.length - end.length;
  for (let i = 0; i < end.length; i++) if (lowerAscii(text.charCodeAt(at + i)) !== end.charCodeAt(i)) return false;
  return true;
}

/** Does text.toLowerCase() start with the ASCII `start`? */
function lowerStartsWith(text: string, start: string): boolean {
  if (start.length > text.length) return false;
  for (let i = 0; i < start.length; i++) {
    const c = text.charCodeAt(i);
    // "İ" lowercases to "i" and U+0307: it can end the match as an "i"
    const l = c === 0x130 && i === start.length - 1 ? 105 : lowerAscii(c);
    if (l !== start.charCodeAt(i)) return false;
  }
  return true;
}

function labelledMayMatch(s: string, part: string, label: string, i: number): boolean {
  const h = MODALITY_HINT_INDEX[i] as number;
  if (h < 0) return true;
  sentenceRules(s);
  if (hasGroup(memoGroups, MODALITY_GROUP0 + h)) return true;
  if (label !== memoLabelText) {
    memoLabelText = label;
    FRAGMENT_GROUPS.scan(label, memoLabelGroups);
  }
  if (hasGroup(memoLabelGroups, MODALITY_GROUP0 + h)) return true;
  for (const [before, after] of SPACED_HINT_CUTS[h] as Array<[string, string]>) {
    if (lowerEndsWith(part, before) && lowerStartsWith(label, after)) return true;
  }
  return false;
}

/** Rule i on the whole sentence s, remembered. */
function wholeRuleHit(s: string, i: number): boolean {
  if (s === wholeMemo.text && wholeMemo.hits[i] !== undefined) return wholeMemo.hits[i] as boolean;
  if (!modalityMayMatch(s, i)) {
    if (s !== wholeMemo.text) {
      wholeMemo.text = s;
      wholeMemo.hits = new Array<boolean | undefined>(MODALITY_RULES.length);
    }
    wholeMemo.hits[i] = false;
    return false;
  }
  return memoRuleHit(wholeMemo, s, i);
}

function memoRuleHit(memo: RuleMemo, text: string, i: number): boolean {
  if (text !== memo.text) {
    memo.text = text;
    memo.hits = new Array<boolean | undefined>(MODALITY_RULES.length);
  }
  let hit = memo.hits[i];
  if (hit === undefined) {
    hit = (MODALITY_RULES[i] as ModalityRule).re.test(text);
    memo.hits[i] = hit;
  }
  return hit;
}

/**
 * Local rules are anchored at the end of the left words: the words (or characters) those
 * can end in, white space aside. "up to", "at most", ... end in these words.
 */
const UP_TO_LAST = lastWords("up to|as much as|as high as|at most|no more than|a maximum of|capped at");
/** "about", "approx.", "close to", "~", ... end in these words, or in ".", "~" or "≈". */
const APPROX_LAST = lastWords("about|around|roughly|approximately|approx|nearly|almost|some|close to|circa");
const LOCAL_LAST_MAX = Math.max(longest(UP_TO_LAST), longest(APPROX_LAST));

/** Could the local rule of this modality match the local words (whose end word is given)? */
function localMayMatch(modality: Modality, word: string | null, local: string): boolean {
  if (word === null) return true;
  if (modality === "up_to") return UP_TO_LAST.has(word);
  if (modality === "approximately") {
    if (APPROX_LAST.has(word)) return true;
    const c = lastNonSpace(local);
    return c === 46 || c === 126 || c === 0x2248; // "approx." "~" "≈"
  }
  return true;
}

// Every figure under a label asks whether its sentence holds the label: remember the last answer.
let memoInS = "";
let memoInLabel = "";
let memoIn = false;

function sentenceHolds(s: string, label: string): boolean {
  if (s !== memoInS || label !== memoInLabel) {
    memoInS = s;
    memoInLabel = label;
    memoIn = s.includes(label);
  }
  return memoIn;
}

export function decideModality(attribute: string, ctx: FigureContext): Modality | null {
  const deal = DEAL_ATTRIBUTES.has(attribute);
  // the local words and their end word, for the last rules only (most figures stop before)
  let local: string | undefined;
  let localWord: string | null | undefined;
  const label = ctx.label;
  const labelled = !!label && !sentenceHolds(ctx.s, label);
  // the labelled sentence and clause, built when a rule needs them
  let sentence: string | undefined;
  let clause: string | undefined;
  for (let i = 0; i < MODALITY_RULES.length; i++) {
    const rule = MODALITY_RULES[i] as ModalityRule;
    if (rule.dealOnly && !deal) continue;
    let hit: boolean;
    if (rule.scope === "sentence") {
      // (a labelled sentence holds the label, s does not: they differ)
      if (!labelled && ctx.major === ctx.s) hit = wholeRuleHit(ctx.s, i);
      else if (labelled) hit = labelledMayMatch(ctx.s, ctx.major, label, i) && memoRuleHit(sentenceMemo, (sentence ??= `${ctx.major} ${label}`), i);
      else hit = wholeRuleHit(ctx.s, i) && modalityMayMatchIn(ctx.s, i, ctx.majorAt, ctx.majorAt + ctx.major.length) && memoRuleHit(sentenceMemo, ctx.major, i);
    } else if (rule.scope === "clause") {
      if (label) hit = labelledMayMatch(ctx.s, ctx.clause, label, i) && memoRuleHit(clauseMemo, (clause ??= `${ctx.clause} ${label}`), i);
      else hit = wholeRuleHit(ctx.s, i) && modalityMayMatchIn(ctx.s, i, ctx.clauseStart, ctx.clauseEnd) && memoRuleHit(clauseMemo, ctx.clause, i);
    } else {
      local ??= tail(ctx.left, 40);
      if (localWord === undefined) localWord = endWord(local, LOCAL_LAST_MAX);
      hit = localMayMatch(rule.modality, localWord, local) && (rule.modality !== "up_to" || sentenceHas(ctx.s, GATE.upTo)) && rule.re.test(local);
    }
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

/** TOTAL_BEFORE ends in "~", "≈" or a word ending in one of these (its words may touch: "totalof"). */
const TOTAL_LAST = ["total", "totaling", "totalling", "totalled", "totaled", "combined", "altogether", "overall", "of", "about", "approximately", "roughly", "around", "nearly", "some", "estimated"];
const TOTAL_LAST_MAX = TOTAL_LAST.reduce((n, w) => Math.max(n, w.length), 0);

function totalBefore(left: string): boolean {
  const c = lastNonSpace(left);
  if (c !== 126 && c !== 0x2248) {
    const w = endWord(left, TOTAL_LAST_MAX);
    if (w !== null) {
      let any = false;
      for (const x of TOTAL_LAST) if (w.endsWith(x)) { any = true; break; }
      if (!any) return false;
    }
  }
  return TOTAL_BEFORE.test(left);
}

// Every figure of a clause asks whether the clause says "upfront": remember the last answer,
// and the sentence's (a clause is cut at non-word characters, so it can match only if the
// sentence does: see the modality rules).
let memoUpfrontSentence = "";
let memoUpfrontInSentence = false;
let memoUpfrontClause = "";
let memoUpfront = false;

function upfrontClause(sentence: string, clause: string): boolean {
  if (sentence !== memoUpfrontSentence) {
    memoUpfrontSentence = sentence;
    memoUpfrontInSentence = UPFRONT.test(sentence);
  }
  if (!memoUpfrontInSentence) return false;
  if (clause !== memoUpfrontClause) {
    memoUpfrontClause = clause;
    memoUpfront = UPFRONT.test(clause);
  }
  return memoUpfront;
}

/** BREAKDOWN_AFTER needs a "(" within the first 41 characters from `at`, with no ")" before it. */
function parenSoon(text: string, at: number): boolean {
  const end = Math.min(text.length, at + 41);
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) return true;
    if (c === 41) return false;
  }
  return false;
}

export function decideBasis(attribute: string, modality: Modality | null, ctx: FigureContext, text: string): string | null {
  // BASIS_BY_ATTRIBUTE[attribute], by comparison (attributes are names from this code, never "constructor")
  if (attribute === "valuation_pre_money" || attribute === "valuation_post_money" || attribute === "run_rate_revenue") return BASIS_BY_ATTRIBUTE[attribute] as string;
  if (attribute === "date" || attribute.endsWith("_date")) return null;
  const head = ctx.head;
  if (sentenceHas(ctx.s, GATE.upfront) && (UPFRONT.test(head) || upfrontClause(ctx.s, ctx.clause))) return "upfront";
  if (modality === "contingent" || (sentenceHas(ctx.s, GATE.contingent) && CONTINGENT.test(head))) return "contingent";
  const after = ctx.base + ctx.fe;
  if (parenSoon(text, after) && BREAKDOWN_AFTER.test(text.slice(after, after + 120))) return "total";
  if (sentenceHas(ctx.s, GATE.total) && (totalBefore(tail(ctx.left, 60)) || /^(?:in total|total)\b/i.test(head))) return "total";
  return null;
}
