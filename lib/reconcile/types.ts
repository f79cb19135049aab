// Plain data the reconciliation functions take. Callers map database rows onto these shapes;
// nothing here knows about Prisma. Dates may be ISO strings ("2026-03-31") or Date objects
// (a Postgres @db.Date arrives as a Date at UTC midnight); both are read as UTC days.

/** The value a claim states: an exact decimal (or ISO date when unit is "date"), or a low–high range. */
export type ClaimValue = { value: string | null; low: string | null; high: string | null; unit: string };

/** How sure the sentence is, as the extractor and reviewers label it (one vocabulary for both). */
export type { Modality } from "@/lib/extract/types";
import type { Modality } from "@/lib/extract/types";

export type ClaimRank = "preferred" | "normal" | "deprecated";

export type DateLike = string | Date | null | undefined;

/**
 * A confirmed claim as reconciliation sees it. Only id and the value are required; every other
 * field sharpens a judgement (valueText → precision, quote → copies and origins, asOf and
 * article.publishedAt → time, modality → stage, basis → definition).
 */
export type ReconcileClaim = ClaimValue & {
  id: string;
  subject?: string | null;
  subjectKey?: string | null;
  attribute?: string | null;
  /** The figure as written: "$100B+", "roughly $3 billion", "$750-830 billion". */
  valueText?: string | null;
  counterparty?: string | null;
  counterpartyKey?: string | null;
  modality?: Modality | string | null;
  basis?: string | null;
  asOf?: DateLike;
  /** The sentence the claim was confirmed against. */
  quote?: string | null;
  article?: { id: string; outlet?: string | null; title?: string | null; publishedAt?: DateLike } | null;
  rank?: ClaimRank;
  confirmedAt?: Date | null;
};

/** The stages a deal moves through; a later stage supersedes an earlier one. */
export type Stage = "target" | "in_talks" | "announced" | "completed";
/** In order: a later stage supersedes an earlier one. */
export const STAGES: readonly Stage[] = ["target", "in_talks", "announced", "completed"];
