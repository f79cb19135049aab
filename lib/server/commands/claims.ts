import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import type { z } from "zod";
import { extractClaims } from "@/lib/extract";
import {
  addCitationInput, addClaimInput, citableClaimsInput, decideClaimInput, editClaimInput, fieldErrors, removeCitationInput, suggestFromSelectionInput, type EditClaimInput,
} from "@/lib/validations/claims";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { articles } from "@/lib/server/data/articles";
import { claims, LastCitationError, StaleVersionError, type ClaimEdit } from "@/lib/server/data/claims";
import { entities } from "@/lib/server/data/entities";

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

type Resolve = Awaited<ReturnType<typeof entities.resolver>>;

/**
 * The input's claim fields in the shape the data layer stores, with the grouping keys; a
 * known alias ("Open AI") is saved as its entity ("OpenAI"), so the claim joins its facts.
 */
function toClaimEdit(fields: Pick<EditClaimInput, (typeof editable)[number]>, resolve: Resolve): ClaimEdit {
  const subject = resolve(fields.subject);
  const counterparty = fields.counterparty ? resolve(fields.counterparty) : null;
  return {
    subject: subject.name, subjectKey: subject.key, attribute: fields.attribute,
    value: fields.value, low: fields.low, high: fields.high, unit: fields.unit,
    counterparty: counterparty?.name ?? null, counterpartyKey: counterparty?.key ?? "",
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

  const changes = toClaimEdit(input.data, await entities.resolver(who.workspaceId));
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

export type Added = { claimId: string; version: number; factId: string; citationId: string; slug: string; articleId: string };

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
    { ...toClaimEdit(input.data, await entities.resolver(who.workspaceId)), start, end, sentenceStart: selectionStart, sentenceEnd: selectionEnd },
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

// ---------------------------------------------------------------- citations

export type CitableClaim = { id: string; subject: string; attribute: string; valueText: string; value: string | null; low: string | null; high: string | null; unit: string; status: string; articleTitle: string };

/** Confirmed and suggested claims of the workspace matching `q`, for citing selected words. */
export async function findCitableClaims(actor: Actor | null, raw: unknown): Promise<Result<CitableClaim[]>> {
  const input = citableClaimsInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "claims.review");
  if (!who.ok) return who;
  return ok(await claims.citable(who.workspaceId, input.data.q));
}

export type CitationAdded = { citationId: string; claimId: string; articleId: string; claimArticleId: string; slug: string };

/**
 * Words selected in any article of the workspace become one more citation of a claim, with
 * both W3C selectors. The offsets must lie inside the article and hold exactly the words the
 * person selected, so a quote never says something the source does not.
 */
export async function addCitation(actor: Actor | null, raw: unknown): Promise<Result<CitationAdded>> {
  const input = addCitationInput.safeParse(raw);
  if (!input.success) return invalid(input.error);
  const who = await authorize(actor, input.data.workspaceId, "claims.review");
  if (!who.ok) return who;

  const [article, claim] = await Promise.all([articles.get(who.workspaceId, input.data.articleId), claims.getForEdit(who.workspaceId, input.data.claimId)]);
  if (!article) return fail("not_found", "This article no longer exists.");
  if (!claim) return fail("not_found", "This claim no longer exists.");
  if (claim.status === "rejected") return fail("invalid_state", "This claim was rejected; confirm it again before citing more sources for it.");
  const { start, end, exact } = input.data;
  if (end > article.text.length) return fail("invalid_input", "The selection is outside the article's text. Reload the page and select again.");
  if (article.text.slice(start, end) !== exact) return fail("invalid_input", "The selected words are not the article's text at that place. Reload the page and select again.");

  const created = await claims.addCitation({ id: article.id, text: article.text }, claim, start, end, who.userId);
  if (!created) return fail("invalid_input", "This claim already cites exactly these words.");
  return ok({ citationId: created.id, claimId: claim.id, articleId: article.id, claimArticleId: claim.articleId, slug: who.slug });
}

/** Removes one citation of a claim, never its last one. */
export async function removeCitation(actor: Actor | null, raw: unknown): Promise<Result<{ citationId: string; claimId: string; claimArticleId: string; articleId: string; slug: string }>> {
  const input = removeCitationInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "claims.review");
  if (!who.ok) return who;

  const citation = await claims.getCitation(who.workspaceId, input.data.citationId);
  if (!citation) return fail("not_found", "This citation no longer exists.");
  try {
    await claims.removeCitation(citation, who.workspaceId, who.userId);
  } catch (error) {
    if (error instanceof LastCitationError) return fail("invalid_state", "This is the claim's last citation; a claim needs at least one source, so it stays.");
    throw error;
  }
  return ok({ citationId: citation.id, claimId: citation.claimId, claimArticleId: citation.claim.articleId, articleId: citation.articleId, slug: who.slug });
}
