import "server-only";
import { describeSpan } from "@/lib/anchor/selectors";
import type { Modality } from "@/lib/extract";
import { db } from "@/lib/server/db";
import { audit } from "./audit";
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
        const hasCitation = await tx.citation.count({ where: { claimId: claim.id } });
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

  /** Subjects and attributes already used in a workspace, for the edit form's suggestions. */
  async vocabulary(workspaceId: string) {
    const [subjects, attributes] = await Promise.all([
      db.claim.findMany({ where: { workspaceId }, distinct: ["subject"], orderBy: { subject: "asc" }, select: { subject: true }, take: 500 }),
      db.claim.findMany({ where: { workspaceId }, distinct: ["attribute"], orderBy: { attribute: "asc" }, select: { attribute: true }, take: 500 }),
    ]);
    return { subjects: subjects.map((s) => s.subject), attributes: attributes.map((a) => a.attribute) };
  },

  /**
   * Saves an edit, only if nobody changed the claim since `version` was read. A confirmed
   * claim moves to the fact its new fields answer; the old fact and the new one are both
   * recomputed.
   */
  edit: (claim: { id: string; workspaceId: string; status: string; factId: string | null }, changes: ClaimEdit, changed: string[], version: number, actorId: string) =>
    db.$transaction(async (tx) => {
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
      const now = new Date();
      const created = await tx.claim.create({
        data: {
          workspaceId: article.workspaceId, articleId: article.id, ...fields, valueText: article.text.slice(fields.start, fields.end),
          status: "confirmed", extractor: "manual", extractorVersion: "1", confidence: 1,
          createdById: actorId, reviewedById: actorId, reviewedAt: now,
        },
        select: { id: true, version: true },
      });
      await tx.citation.create({ data: { claimId: created.id, articleId: article.id, ...selector, createdById: actorId } });
      const factId = await facts.attach(tx, { id: created.id, workspaceId: article.workspaceId, ...fields });
      await facts.refreshState(tx, factId);
      await audit.record(tx, { workspaceId: article.workspaceId, actorId, action: "claim.added", targetType: "claim", targetId: created.id, data: { factId } });
      return { claimId: created.id, version: created.version, factId };
    }),
};
