import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { decideClaimInput } from "@/lib/validations/claims";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { claims, StaleVersionError } from "@/lib/server/data/claims";

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
