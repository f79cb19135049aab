import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import type { z } from "zod";
import { entityKey, extractClaims } from "@/lib/extract";
import { addClaimInput, decideClaimInput, editClaimInput, fieldErrors, suggestFromSelectionInput, type EditClaimInput } from "@/lib/validations/claims";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { articles } from "@/lib/server/data/articles";
import { claims, StaleVersionError, type ClaimEdit } from "@/lib/server/data/claims";

export type Decided = { claimId: string; status: string; version: number; factId: string | null; slug: string; articleId: string };

export async function decideClaim(actor: Actor | null, raw: unknown): Promise<Result<Decided>> {
  const input = decideClaimInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);

  const who = await authorize(actor, input.data.workspaceId, "claims.review");
  if (!who.ok) return who;

  const claim = await claims.getForDecision(who.workspaceId, input.data.claimId);
  if (!claim) return fail("not_found", "This claim no longer exists.");
  if (claim.version !== input.data.version) return staleFailure(claim);

  try {
    const result = await claims.decide(claim, input.data.decision, input.data.version, who.userId);
    return ok({ claimId: claim.id, ...result, slug: who.slug, articleId: claim.articleId });
  } catch (error) {
    if (error instanceof StaleVersionError) {
      const now = await claims.current(claim.id);
      return staleFailure(now ?? claim);
    }
    throw error;
  }
}

function staleFailure(current: { status: string; version: number }) {
  return fail("conflict", `Someone else decided on this claim in the meantime; it is now ${current.status}. Your decision was not saved.`, {
    status: current.status,
    version: current.version,
  });
}

export type Edited = { claimId: string; version: number; factId: string | null; changed: string[]; slug: string; articleId: string };

const editable = ["subject", "attribute", "value", "low", "high", "unit", "counterparty", "modality", "basis", "asOf"] as const;

/** The input's claim fields in the shape the data layer stores, with the grouping keys. */
function toClaimEdit(fields: Pick<EditClaimInput, (typeof editable)[number]>): ClaimEdit {
  return {
    subject: fields.subject, subjectKey: entityKey(fields.subject), attribute: fields.attribute,
    value: fields.value, low: fields.low, high: fields.high, unit: fields.unit,
    counterparty: fields.counterparty, counterpartyKey: fields.counterparty ? entityKey(fields.counterparty) : "",
    modality: fields.modality, basis: fields.basis, asOf: fields.asOf ? new Date(`${fields.asOf}T00:00:00Z`) : null,
  };
}

const invalid = (error: z.ZodError) => fail("invalid_input", error.issues[0]?.message, { fields: fieldErrors(error.issues) });

const comparable = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

export async function editClaim(actor: Actor | null, raw: unknown): Promise<Result<Edited>> {
  const input = editClaimInput.safeParse(raw);
  if (!input.success) return invalid(input.error);

  const who = await authorize(actor, input.data.workspaceId, "claims.review");
  if (!who.ok) return who;

  const claim = await claims.getForEdit(who.workspaceId, input.data.claimId);
  if (!claim) return fail("not_found", "This claim no longer exists.");
  if (claim.version !== input.data.version) return staleEdit(claim);

  const changes = toClaimEdit(input.data);
  const changed = editable.filter((field) => comparable(claim[field]) !== comparable(changes[field]));
  // Saving the form unchanged is not an edit: nothing to write, nothing to audit.
  if (changed.length === 0) return ok({ claimId: claim.id, version: claim.version, factId: claim.factId, changed, slug: who.slug, articleId: claim.articleId });
  try {
    const result = await claims.edit(claim, changes, changed, input.data.version, who.userId);
    return ok({ claimId: claim.id, ...result, changed, slug: who.slug, articleId: claim.articleId });
  } catch (error) {
    if (error instanceof StaleVersionError) {
      const now = await claims.current(claim.id);
      return staleEdit(now ?? claim);
    }
    throw error;
  }
}

function staleEdit(current: { status: string; version: number }) {
  return fail("conflict", `Someone else changed this claim in the meantime; it is now ${current.status}. Reload it to see their change; your edit was not saved.`, {
    status: current.status,
    version: current.version,
  });
}

export type Added = { claimId: string; version: number; factId: string; slug: string; articleId: string };

export async function addClaim(actor: Actor | null, raw: unknown): Promise<Result<Added>> {
  const input = addClaimInput.safeParse(raw);
  if (!input.success) return invalid(input.error);

  const who = await authorize(actor, input.data.workspaceId, "claims.review");
  if (!who.ok) return who;

  const article = await articles.get(who.workspaceId, input.data.articleId);
  if (!article) return fail("not_found", "This article no longer exists.");
  const { selectionStart, selectionEnd } = input.data;
  if (selectionEnd > article.text.length) return fail("invalid_input", "The selection is outside the article's text. Reload the page and select again.");
  // The selection is the citation; the figure inside it (if the extractor found one) is the claim's span.
  const start = input.data.start ?? selectionStart;
  const end = input.data.end ?? selectionEnd;

  const result = await claims.add(
    { id: article.id, workspaceId: who.workspaceId, text: article.text },
    { ...toClaimEdit(input.data), start, end, sentenceStart: selectionStart, sentenceEnd: selectionEnd },
    who.userId,
  );
  return ok({ ...result, slug: who.slug, articleId: article.id });
}

export type SelectionSuggestion = {
  subject: string; attribute: string; value: string; low: string; high: string; unit: string; counterparty: string;
  modality: string; basis: string; asOf: string; start: number | null; end: number | null;
};

/**
 * Runs the extractor on the selected words and returns its first suggestion as form fields,
 * with offsets into the article's own text; empty fields when it finds nothing.
 */
export async function suggestFromSelection(actor: Actor | null, raw: unknown): Promise<Result<SelectionSuggestion>> {
  const input = suggestFromSelectionInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);

  const who = await authorize(actor, input.data.workspaceId, "claims.review");
  if (!who.ok) return who;

  const article = await articles.get(who.workspaceId, input.data.articleId);
  if (!article) return fail("not_found", "This article no longer exists.");
  const { selectionStart, selectionEnd } = input.data;
  if (selectionStart >= selectionEnd || selectionEnd > article.text.length) return fail("invalid_input", "Select some words of the article first.");

  const first = extractClaims(article.text.slice(selectionStart, selectionEnd), { publishedAt: article.publishedAt })[0];
  if (!first) {
    return ok({ subject: "", attribute: "", value: "", low: "", high: "", unit: "", counterparty: "", modality: "", basis: "", asOf: "", start: null, end: null });
  }
  return ok({
    subject: first.subject, attribute: first.attribute, value: first.value ?? "", low: first.low ?? "", high: first.high ?? "", unit: first.unit,
    counterparty: first.counterparty ?? "", modality: first.modality ?? "", basis: first.basis ?? "", asOf: first.asOf ?? "",
    start: selectionStart + first.start, end: selectionStart + first.end,
  });
}
