import "server-only";
import { describeSpan } from "@/lib/anchor/selectors";
import { db } from "@/lib/server/db";
import { audit } from "./audit";
import { facts } from "./facts";

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
        modality: true, basis: true, start: true, end: true, status: true, version: true, confidence: true, factId: true,
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
};
