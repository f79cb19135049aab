import { z } from "zod";
import { canonicalDecimal } from "@/lib/reconcile/decimal";
import { idInput } from "./common";
import { modalities } from "./claims";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
/** A real calendar day written YYYY-MM-DD ("2026-02-30" is not one). */
const isIsoDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return ISO_DAY.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

// ---------------------------------------------------------------- accepted timelines

/**
 * One entry of a fact resolved to values over time (Fact.acceptedTimeline,
 * FactResolution.timeline): a value (or low/high range) in the fact's unit, the day it holds
 * from, its stage (a claim modality) and the confirmed claims supporting it. Decimals are
 * canonical strings ("122000000000"), or ISO days when the fact's unit is "date".
 */
export const acceptedTimelineEntry = z.object({
  value: z.string().nullable(),
  low: z.string().nullable(),
  high: z.string().nullable(),
  asOf: z.string().regex(ISO_DAY).nullable(),
  modality: z.string().nullable(),
  claimIds: z.array(z.string()),
});
export type AcceptedTimelineEntry = z.infer<typeof acceptedTimelineEntry>;

/** A stored accepted timeline, ordered by asOf. For reading the JSON columns; resolving checks more. */
export const acceptedTimeline = z.array(acceptedTimelineEntry);

/** The stored timeline, or null when the fact has none (or the JSON is not one). */
export function parseAcceptedTimeline(json: unknown): AcceptedTimelineEntry[] | null {
  if (json == null) return null;
  const parsed = acceptedTimeline.safeParse(json);
  return parsed.success && parsed.data.length ? parsed.data : null;
}

const stageOrder: readonly string[] = ["target", "in_talks", "announced", "completed"];

/** "" and whitespace mean "not given"; grouping commas and spaces in figures are dropped. */
const figure = z
  .string()
  .max(40, "Keep each figure under 40 characters.")
  .nullish()
  .transform((s) => {
    const t = s?.trim().replace(/[,\s\u00a0\u202f]/g, "");
    return t ? t : null;
  });

/** One row as the resolve form sends it; the unit-specific checks happen in timelineForUnit. */
const timelineRowInput = z.object({
  value: figure,
  low: figure,
  high: figure,
  asOf: z
    .string()
    .nullish()
    .transform((s) => s?.trim() || null)
    .refine((d) => d != null, "Give each value the date it holds from.")
    .refine((d) => d == null || isIsoDay(d), "Enter a date like 2026-02-27."),
  modality: z
    .union([z.enum(modalities, "Choose one of the listed stages."), z.literal("")])
    .nullish()
    .transform((m) => m || null),
  claimIds: z.array(idInput).max(1000).min(1, "Choose at least one claim that supports this value."),
});

/**
 * The timeline an editor resolves a fact to: at least two rows, each a value or a range with
 * its as-of date, in date order (rows on the same day must move to a later stage, as
 * "announced" then "completed"). Whether figures are decimals or dates depends on the fact's
 * unit, so that check is timelineForUnit's, run by the command once it has loaded the fact.
 */
export const acceptedTimelineInput = z
  .array(timelineRowInput)
  .min(2, "A timeline needs at least two values; for one value choose “One accepted value”.")
  .max(50, "Keep the timeline under 50 values.")
  .superRefine((rows, ctx) => {
    for (let i = 1; i < rows.length; i++) {
      const [prev, row] = [rows[i - 1]!, rows[i]!];
      if (!prev.asOf || !row.asOf) continue;
      const sameDayLaterStage =
        prev.asOf === row.asOf && stageOrder.indexOf(row.modality ?? "") > stageOrder.indexOf(prev.modality ?? "") && stageOrder.includes(prev.modality ?? "");
      if (row.asOf < prev.asOf || (row.asOf === prev.asOf && !sameDayLaterStage)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "asOf"],
          message: `Row ${i + 1}: dates must go forward — ${row.asOf} is not after ${prev.asOf} (two rows on one day need a later stage in the second).`,
        });
      }
    }
  });

/**
 * Checks a timeline's figures against the fact's unit (exact decimals, or ISO days for "date")
 * and canonicalises decimals. Returns the entries, or the first problem per field keyed
 * "timeline.<row>.<field>" with a message naming the row.
 */
export function timelineForUnit(
  rows: z.infer<typeof acceptedTimelineInput>,
  unit: string,
): { ok: true; entries: AcceptedTimelineEntry[] } | { ok: false; message: string; fields: Record<string, string> } {
  const isDate = unit === "date";
  const fields: Record<string, string> = {};
  const problem = (i: number, key: string, message: string) => {
    fields[`timeline.${i}.${key}`] ??= `Row ${i + 1}: ${message}`;
  };
  const entries = rows.map((row, i) => {
    const out: AcceptedTimelineEntry = { value: row.value, low: row.low, high: row.high, asOf: row.asOf, modality: row.modality, claimIds: [...new Set(row.claimIds)] };
    for (const key of ["value", "low", "high"] as const) {
      const raw = row[key];
      if (raw == null) continue;
      if (isDate) {
        if (!isIsoDay(raw)) problem(i, key, "enter the value as a date like 2026-02-27, the unit of this fact.");
      } else if (!DECIMAL.test(raw)) {
        problem(i, key, `enter a plain number in ${unit}, like 122000000000 or 1.5.`);
      } else out[key] = canonicalDecimal(raw);
    }
    if (out.value == null && out.low == null && out.high == null) problem(i, "value", "enter a value, or a low and high for a range.");
    else if (out.value != null && (out.low != null || out.high != null)) problem(i, "value", "enter either one value or a range, not both.");
    else if (out.low != null && out.high != null && (isDate ? out.low > out.high : Number(out.low) > Number(out.high))) {
      problem(i, "high", "the high end must not be below the low end.");
    }
    return out;
  });
  const first = Object.values(fields)[0];
  return first ? { ok: false, message: first, fields } : { ok: true, entries };
}

// ---------------------------------------------------------------- resolving

export const claimRanks = ["preferred", "normal", "deprecated"] as const;

/**
 * The editor's own rank for a claim, overriding the one the resolution implies, with an
 * optional reason (else the rationale is the reason for a preferred or deprecated rank).
 */
export const rankOverrideInput = z.object({
  claimId: idInput,
  rank: z.enum(claimRanks, "Choose preferred, normal or deprecated."),
  reason: z.string().trim().max(1000, "Keep a rank's reason under 1,000 characters.").nullish().transform((r) => r || null),
});

const resolveBase = {
  workspaceId: idInput,
  factId: idInput,
  rationale: z.string().trim().min(10, "Write a rationale of at least a sentence.").max(5000),
  version: z.number().int().positive(),
  ranks: z.array(rankOverrideInput).max(1000).optional().default([]),
};

/**
 * Resolve a fact to one accepted value (the preferred claim's) or to values over time. Input
 * without a mode is a one-value resolution, as before timelines existed.
 */
export const resolveFactInput = z.preprocess(
  (raw) => (raw && typeof raw === "object" && !("mode" in raw) ? { ...raw, mode: "value" } : raw),
  z.discriminatedUnion("mode", [
    z.object({ ...resolveBase, mode: z.literal("value"), preferredClaimId: idInput }),
    z.object({ ...resolveBase, mode: z.literal("timeline"), timeline: acceptedTimelineInput }),
  ]),
);
export type ResolveFactInput = z.infer<typeof resolveFactInput>;

export const explanationKinds = ["time", "definition", "rounding", "copied", "likely_error"] as const;
export const decideExplanationInput = z.object({
  workspaceId: idInput,
  factId: idInput,
  valueKey: z.string().min(1).max(500),
  kind: z.enum(explanationKinds, { message: "Choose why the values differ." }),
  note: z.string().trim().max(2000).optional().transform((v) => (v ? v : null)),
});
