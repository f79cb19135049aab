// Shared types for the rule-based extractor. Pure data, no behaviour.

export type Modality =
  | "target"
  | "in_talks"
  | "reported"
  | "announced"
  | "completed"
  | "contingent"
  | "estimate"
  | "up_to"
  | "approximately";

export type Suggestion = {
  subject: string;
  attribute: string;
  value: string | null;
  low: string | null;
  high: string | null;
  unit: string;
  valueText: string;
  counterparty: string | null;
  modality: Modality | null;
  basis: string | null;
  asOf: string | null;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  confidence: number;
  /** name and semver of the extractor that proposed it (set by every extractor) */
  extractor?: string;
  extractorVersion?: string;
};

export type FigureKind = "money" | "percent" | "date" | "power" | "count" | "multiple";

/**
 * A number found in the text, before it is tied to a subject. Offsets are absolute. Made by
 * newFigure (figure-shape.ts) only, so that every figure has the same object shape.
 */
export type Figure = {
  kind: FigureKind;
  start: number;
  end: number;
  value: string | null;
  low: string | null;
  high: string | null;
  unit: string;
  /** dates only: "day" for a full date, "month" for "March 2026" (a low–high range), "quarter" for "Q4 2026" */
  granularity?: "day" | "month" | "quarter";
  /** dates only: a month named without its year ("a meeting expected in August"), claimed only next to its event */
  bare?: boolean;
  /** counts only: "640 dark stores, up from 410": the noun was named with the count before it */
  sameNounAsBefore?: boolean;
  /** multiples only: an exchange ratio ("0.615 Corinda shares for each Wyalla share"), a multiple of nothing else */
  exchangeRatio?: boolean;
};

export type TableContext = {
  /** absolute [start, end) of each cell's text (trimmed), in column order */
  cells: Array<[number, number]>;
  /** header cell texts of the table this row belongs to, or null for the header row itself */
  header: string[] | null;
};

export type Sentence = {
  start: number;
  end: number;
  /** a Title Case line such as a headline or section heading */
  headline: boolean;
  table: TableContext | null;
};
