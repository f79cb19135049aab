import { z } from "zod";
import { idInput } from "./common";

export const decideClaimInput = z.object({
  workspaceId: idInput,
  claimId: idInput,
  // "reset" undoes a decision: the claim is a suggestion again.
  decision: z.enum(["confirm", "reject", "reset"]),
  // The version the person saw; a different current version means someone else decided.
  version: z.number().int().positive(),
});

export const reviewQueueFilters = z.object({
  status: z.enum(["suggested", "confirmed", "rejected", "all"]).catch("suggested"),
  article: z.string().max(64).optional().catch(undefined),
  // "me": claims of articles assigned to the signed-in person (my queue).
  assignee: z.enum(["me"]).optional().catch(undefined),
  subject: z.string().max(200).optional().catch(undefined),
  attribute: z.string().max(100).optional().catch(undefined),
  minConfidence: z.coerce.number().min(0).max(1).optional().catch(undefined),
  sort: z.enum(["confidence", "position"]).catch("confidence"),
  after: z.string().max(64).optional().catch(undefined),
});
export type ReviewQueueFilters = z.infer<typeof reviewQueueFilters>;

// ---------------------------------------------------------------- editing and adding claims

export const modalities = ["target", "in_talks", "reported", "announced", "completed", "contingent", "estimate", "up_to", "approximately"] as const;

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const NUMBER_MESSAGE = "Enter a number like 122000000000 or 1.5";
const DATE_MESSAGE = "Enter a date like 2026-02-27";

/** "" and whitespace mean "not given". */
const optionalText = (max: number) =>
  z.string().max(max, `Keep this under ${max} characters.`).transform((s) => s.trim()).nullish().transform((s) => (s ? s : null));

const isIsoDate = (s: string) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A decimal with grouping commas and spaces dropped, and leading/trailing zeros trimmed. */
function canonicalDecimal(raw: string): string {
  const s = raw.replace(/[,\s\u00a0\u202f]/g, "");
  const neg = s.startsWith("-");
  const [whole = "0", fraction = ""] = (neg ? s.slice(1) : s).split(".");
  const i = whole.replace(/^0+/, "") || "0";
  const f = fraction.replace(/0+$/, "");
  const out = f ? `${i}.${f}` : i;
  return neg && out !== "0" ? `-${out}` : out;
}

const claimFields = z.object({
  subject: z.string().transform((s) => s.trim()).pipe(z.string().min(1, "Enter who or what the figure is about, such as OpenAI.").max(200, "Keep the subject under 200 characters.")),
  attribute: z.string().transform((s) => s.trim().toLowerCase().replace(/[\s-]+/g, "_"))
    .pipe(z.string().min(1, "Enter what the figure measures, such as funding_round_size.").max(64, "Keep the attribute under 64 characters.")
      .regex(SNAKE, "Use lowercase words joined by underscores, like funding_round_size.")),
  value: optionalText(40),
  low: optionalText(40),
  high: optionalText(40),
  unit: z.string().transform((s) => s.trim()).pipe(z.string().min(1, "Enter a unit, such as USD, percent, count or date.").max(20, "Keep the unit under 20 characters.")),
  counterparty: optionalText(200),
  modality: z.union([z.enum(modalities, "Choose one of the listed modalities."), z.literal("")]).nullish().transform((m) => m || null),
  basis: optionalText(40).refine((b) => b == null || SNAKE.test(b), "Use lowercase words joined by underscores, like post_money."),
  asOf: optionalText(10).refine((d) => d == null || isIsoDate(d), DATE_MESSAGE),
});

/** Checks and canonicalises the value fields: exact decimals, or ISO dates when the unit is "date". */
function checkValues<T extends z.infer<typeof claimFields>>(fields: T, ctx: z.RefinementCtx): T {
  const isDate = fields.unit === "date";
  const out = { ...fields };
  for (const key of ["value", "low", "high"] as const) {
    const raw = fields[key];
    if (raw == null) continue;
    if (isDate) {
      if (!isIsoDate(raw)) ctx.addIssue({ code: "custom", path: [key], message: DATE_MESSAGE });
    } else {
      const cleaned = raw.replace(/[,\s\u00a0\u202f]/g, "");
      if (!DECIMAL.test(cleaned)) ctx.addIssue({ code: "custom", path: [key], message: NUMBER_MESSAGE });
      else out[key] = canonicalDecimal(cleaned);
    }
  }
  if (out.value == null && out.low == null && out.high == null) {
    ctx.addIssue({ code: "custom", path: ["value"], message: "Enter a value, or a low and high for a range." });
  }
  if (out.value != null && (out.low != null || out.high != null)) {
    ctx.addIssue({ code: "custom", path: ["value"], message: "Enter either a single value or a range, not both." });
  }
  if (!isDate && out.low != null && out.high != null && DECIMAL.test(out.low) && DECIMAL.test(out.high) && Number(out.low) > Number(out.high)) {
    ctx.addIssue({ code: "custom", path: ["high"], message: "The high end must not be below the low end." });
  }
  if (isDate && out.low != null && out.high != null && out.low > out.high) {
    ctx.addIssue({ code: "custom", path: ["high"], message: "The high end must not be before the low end." });
  }
  return out;
}

export const editClaimInput = claimFields
  .extend({ workspaceId: idInput, claimId: idInput, version: z.number().int().positive() })
  .transform((fields, ctx) => checkValues(fields, ctx));
export type EditClaimInput = z.infer<typeof editClaimInput>;

const offset = z.number().int().min(0);

export const addClaimInput = claimFields
  .extend({
    workspaceId: idInput,
    articleId: idInput,
    // The selected words, which become the citation (UTF-16 offsets into the article text).
    selectionStart: offset,
    selectionEnd: offset,
    // The figure inside the selection, when the extractor found one; else the whole selection.
    start: offset.nullish(),
    end: offset.nullish(),
  })
  .transform((fields, ctx) => checkValues(fields, ctx))
  .refine((f) => f.selectionStart < f.selectionEnd, { message: "Select some words of the article first.", path: ["selectionEnd"] })
  .refine((f) => (f.start == null) === (f.end == null) && (f.start == null || (f.selectionStart <= f.start && f.start < f.end! && f.end! <= f.selectionEnd)), {
    message: "The figure must lie inside the selected words.",
    path: ["start"],
  });
export type AddClaimInput = z.infer<typeof addClaimInput>;

export const suggestFromSelectionInput = z.object({
  workspaceId: idInput,
  articleId: idInput,
  selectionStart: offset,
  selectionEnd: offset,
});

/** The first issue per field, for showing errors next to the fields of a form. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

// ---------------------------------------------------------------- citations

export const addCitationInput = z
  .object({
    workspaceId: idInput,
    claimId: idInput,
    // The article the words were selected in: any article of the workspace, not only the claim's own.
    articleId: idInput,
    start: offset,
    end: offset,
    // The selected words as the browser saw them; they must be the article's text at [start, end).
    exact: z.string().min(1, "Select some words of the article first.").max(5000, "Select at most 5,000 characters."),
  })
  .refine((c) => c.start < c.end, { message: "Select some words of the article first.", path: ["end"] });

export const removeCitationInput = z.object({ workspaceId: idInput, citationId: idInput });

export const citableClaimsInput = z.object({
  workspaceId: idInput,
  q: z.string().max(200).transform((s) => s.trim()).catch(""),
});
