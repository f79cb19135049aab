import "server-only";
import { describeSpan } from "@/lib/anchor/selectors";
import type { Modality } from "@/lib/extract";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "./audit";
import { entities } from "./entities";
import { facts } from "./facts";

/** The fields a person can edit; the command hands them over already checked and canonical. */
export type ClaimEdit = {
  subject: string; subjectKey: string; attribute: string; value: string | null; low: string | null; high: string | null; unit: string;
  counterparty: string | null; counterpartyKey: string; modality: Modality | null; basis: string | null; asOf: Date | null;
};

const editFields = {
  id: true, workspaceId: true, articleId: true, status: true, version: true, factId: true,
  subject: true, subjectKey: true, attribute: true, value: true, low: true, high: true, unit: true,
  counterparty: true, counterpartyKey: true, modality: true, basis: true, asOf: true,
} as const;

const decisionFields = {
  id: true, workspaceId: true, articleId: true, status: true, version: true, start: true, end: true, sentenceStart: true, sentenceEnd: true, factId: true,
  subject: true, subjectKey: true, attribute: true, counterpartyKey: true, basis: true, unit: true,
} as const;

export class StaleVersionError extends Error {}
export class LastCitationError extends Error {}

/** A claim's citations, each with the article it quotes (which may be another article than the claim's). */
const citationFields = {
  orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  select: { id: true, articleId: true, exact: true, start: true, end: true, orphaned: true, article: { select: { title: true } } },
};

/**
 * The claim's names as they resolve now: after waiting for a merge in progress, an alias it
 * made (say "Acme Robotics" into "Acme") applies to this write too, instead of the write
 * bringing the merged spelling back as an entity of its own.
 */
async function settleNames(tx: Tx, workspaceId: string, names: Pick<ClaimEdit, "subject" | "counterparty">) {
  await entities.awaitMerges(tx, workspaceId);
  const resolve = await entities.resolver(workspaceId, tx);
  const subject = resolve(names.subject);
  const counterparty = names.counterparty ? resolve(names.counterparty) : null;
  return { subject: subject.name, subjectKey: subject.key, counterparty: counterparty?.name ?? null, counterpartyKey: counterparty?.key ?? "" };
}

export const claims = {
  getForDecision: (workspaceId: string, id: string) => db.claim.findFirst({ where: { id, workspaceId }, select: decisionFields }),

  current: (id: string) => db.claim.findUnique({ where: { id }, select: { status: true, version: true, reviewedAt: true } }),

  forArticle: (workspaceId: string, articleId: string) =>
    db.claim.findMany({
      where: { workspaceId, articleId },
      orderBy: [{ start: "asc" }, { id: "asc" }],
      select: {
        id: true, subject: true, attribute: true, value: true, low: true, high: true, unit: true, valueText: true, counterparty: true,
        modality: true, basis: true, asOf: true, start: true, end: true, status: true, version: true, confidence: true, factId: true, edited: true,
        citations: citationFields,
      },
    }),

  /**
   * Confirm or reject, only if nobody decided since `version` was read. Confirming anchors a
   * citation with both W3C selectors on the sentence that states the figure (a reader needs
   * the words around a number, not the number alone) and files the claim under its fact.
   */
  decide: (claim: { id: string; workspaceId: string; articleId: string; start: number; end: number; sentenceStart: number; sentenceEnd: number; factId: string | null } & Parameters<typeof facts.attach>[1], decision: "confirm" | "reject" | "reset", version: number, actorId: string) =>
    db.$transaction(async (tx) => {
      const now = new Date();
      const status = ({ confirm: "confirmed", reject: "rejected", reset: "suggested" } as const)[decision];
      const updated = await tx.claim.updateMany({
        where: { id: claim.id, version },
        data: decision === "reset"
          ? { status, version: { increment: 1 }, reviewedById: null, reviewedAt: null, factId: null }
          : { status, version: { increment: 1 }, reviewedById: actorId, reviewedAt: now, ...(decision === "reject" ? { factId: null } : {}) },
      });
      if (updated.count === 0) throw new StaleVersionError();

      let factId: string | null = null;
      if (decision === "confirm") {
        // Only a citation in the claim's own article counts: one cited from another article does not quote this one.
        const hasCitation = await tx.citation.count({ where: { claimId: claim.id, articleId: claim.articleId } });
        if (!hasCitation) {
          const article = await tx.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { text: true } });
          const [start, end] = claim.sentenceStart <= claim.start && claim.sentenceEnd >= claim.end ? [claim.sentenceStart, claim.sentenceEnd] : [claim.start, claim.end];
          const selector = describeSpan(article.text, start, end);
          if (!selector) throw new Error(`Claim ${claim.id} has a span outside its article`);
          await tx.citation.create({ data: { claimId: claim.id, articleId: claim.articleId, ...selector, createdById: actorId } });
        }
        factId = await facts.attach(tx, claim);
        await facts.refreshState(tx, factId);
      }
      if (claim.factId && claim.factId !== factId) await facts.refreshState(tx, claim.factId);

      await audit.record(tx, {
        workspaceId: claim.workspaceId, actorId, action: decision === "reset" ? "claim.decision_undone" : `claim.${status}`, targetType: "claim", targetId: claim.id, data: { factId },
      });
      return { status, version: version + 1, factId };
    }),

  getForEdit: (workspaceId: string, id: string) => db.claim.findFirst({ where: { id, workspaceId }, select: editFields }),

  /**
   * Attributes the extractor put on the workspace's claims, for the edit form's suggestions:
   * it also composes some the built-in list lacks (revenue_change, ipo_date). Attributes
   * people typed are suggested only through the workspace's vocabulary, so removing one there works.
   */
  async attributesInUse(workspaceId: string) {
    const rows = await db.claim.findMany({
      where: { workspaceId, edited: false, createdById: null }, distinct: ["attribute"], orderBy: { attribute: "asc" }, select: { attribute: true }, take: 500,
    });
    return rows.map((a) => a.attribute);
  },

  /**
   * Saves an edit, only if nobody changed the claim since `version` was read. A confirmed
   * claim moves to the fact its new fields answer; the old fact and the new one are both
   * recomputed.
   */
  edit: (claim: { id: string; workspaceId: string; status: string; factId: string | null }, changes: ClaimEdit, changed: string[], version: number, actorId: string) =>
    db.$transaction(async (tx) => {
      changes = { ...changes, ...(await settleNames(tx, claim.workspaceId, changes)) };
      const updated = await tx.claim.updateMany({ where: { id: claim.id, version }, data: { ...changes, edited: true, version: { increment: 1 } } });
      if (updated.count === 0) throw new StaleVersionError();
      let factId = claim.factId;
      if (claim.status === "confirmed") {
        factId = await facts.attach(tx, { id: claim.id, workspaceId: claim.workspaceId, ...changes });
        await facts.refreshState(tx, factId);
        if (claim.factId && claim.factId !== factId) await facts.refreshState(tx, claim.factId);
      }
      await audit.record(tx, { workspaceId: claim.workspaceId, actorId, action: "claim.edited", targetType: "claim", targetId: claim.id, data: { changed } });
      return { version: version + 1, factId };
    }),

  /**
   * A claim a person made from words they selected: confirmed at once, cited by the selected
   * span with both W3C selectors, and filed under its fact.
   */
  add: (
    article: { id: string; workspaceId: string; text: string },
    fields: ClaimEdit & { start: number; end: number; sentenceStart: number; sentenceEnd: number },
    actorId: string,
  ) =>
    db.$transaction(async (tx) => {
      const selector = describeSpan(article.text, fields.sentenceStart, fields.sentenceEnd);
      if (!selector) throw new Error(`A selection outside article ${article.id}`);
      fields = { ...fields, ...(await settleNames(tx, article.workspaceId, fields)) };
      const now = new Date();
      const created = await tx.claim.create({
        data: {
          workspaceId: article.workspaceId, articleId: article.id, ...fields, valueText: article.text.slice(fields.start, fields.end),
          status: "confirmed", extractor: "manual", extractorVersion: "1", confidence: 1,
          createdById: actorId, reviewedById: actorId, reviewedAt: now,
        },
        select: { id: true, version: true },
      });
      const citation = await tx.citation.create({ data: { claimId: created.id, articleId: article.id, ...selector, createdById: actorId }, select: { id: true } });
      const factId = await facts.attach(tx, { id: created.id, workspaceId: article.workspaceId, ...fields });
      await facts.refreshState(tx, factId);
      await audit.record(tx, { workspaceId: article.workspaceId, actorId, action: "claim.added", targetType: "claim", targetId: created.id, data: { factId } });
      return { claimId: created.id, version: created.version, factId, citationId: citation.id };
    }),

  /** Citations elsewhere that cite claims of other articles into this one, for the reader's "also cited here". */
  citedFrom: (workspaceId: string, articleId: string) =>
    db.citation.findMany({
      where: { articleId, claim: { workspaceId, articleId: { not: articleId } } },
      orderBy: [{ start: "asc" }, { id: "asc" }],
      select: { id: true, exact: true, start: true, end: true, claim: { select: { id: true, subject: true, attribute: true, valueText: true, articleId: true, article: { select: { title: true } } } } },
    }),

  /** Confirmed claims first, then suggestions; every word of `q` must occur in the subject, attribute, value or article title. */
  async citable(workspaceId: string, q: string) {
    const words = q.split(/\s+/).filter(Boolean).slice(0, 6);
    const rows = await db.claim.findMany({
      where: {
        workspaceId, status: { in: ["confirmed", "suggested"] },
        AND: words.map((w) => ({
          OR: [
            { subject: { contains: w, mode: "insensitive" as const } },
            { attribute: { contains: w.toLowerCase().replace(/-/g, "_"), mode: "insensitive" as const } },
            { valueText: { contains: w, mode: "insensitive" as const } },
            { article: { title: { contains: w, mode: "insensitive" as const } } },
          ],
        })),
      },
      orderBy: [{ reviewedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
      take: 20,
      select: { id: true, subject: true, attribute: true, valueText: true, value: true, low: true, high: true, unit: true, status: true, article: { select: { title: true } } },
    });
    return rows.map(({ article, ...c }) => ({ ...c, value: c.value?.toString() ?? null, low: c.low?.toString() ?? null, high: c.high?.toString() ?? null, articleTitle: article.title }));
  },

  /** One more citation of a claim; null when the claim already cites exactly these words. */
  addCitation: (article: { id: string; text: string }, claim: { id: string; workspaceId: string }, start: number, end: number, actorId: string) =>
    db.$transaction(async (tx) => {
      // Serializes citation changes of one claim, so a duplicate or a removal race is seen.
      await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${claim.id} FOR UPDATE`;
      const selector = describeSpan(article.text, start, end);
      if (!selector) throw new Error(`A selection outside article ${article.id}`);
      const duplicate = await tx.citation.findFirst({ where: { claimId: claim.id, articleId: article.id, start, end }, select: { id: true } });
      if (duplicate) return null;
      const created = await tx.citation.create({ data: { claimId: claim.id, articleId: article.id, ...selector, createdById: actorId }, select: { id: true } });
      await audit.record(tx, {
        workspaceId: claim.workspaceId, actorId, action: "claim.citation_added", targetType: "claim", targetId: claim.id,
        data: { citationId: created.id, articleId: article.id, exact: selector.exact },
      });
      return created;
    }),

  getCitation: (workspaceId: string, id: string) =>
    db.citation.findFirst({ where: { id, claim: { workspaceId } }, select: { id: true, claimId: true, articleId: true, exact: true, claim: { select: { articleId: true } } } }),

  /** Removes a citation unless it is its claim's last one (checked under a lock on the claim). */
  removeCitation: (citation: { id: string; claimId: string; articleId: string; exact: string }, workspaceId: string, actorId: string) =>
    db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${citation.claimId} FOR UPDATE`;
      const left = await tx.citation.count({ where: { claimId: citation.claimId } });
      if (left <= 1) throw new LastCitationError();
      const removed = await tx.citation.deleteMany({ where: { id: citation.id } });
      if (removed.count === 0) return;
      await audit.record(tx, {
        workspaceId, actorId, action: "claim.citation_removed", targetType: "claim", targetId: citation.claimId,
        data: { citationId: citation.id, articleId: citation.articleId, exact: citation.exact },
      });
    }),
};
