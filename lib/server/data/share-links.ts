import "server-only";
import type { BriefSnapshot } from "@/lib/briefs/snapshot";
import { hashShareToken } from "@/lib/share-token";
import { shareTokenInput } from "@/lib/validations/briefs";
import { db } from "@/lib/server/db";

export type PublishedBrief = { title: string; number: number; publishedAt: Date; snapshot: BriefSnapshot };

export const shareLinks = {
  /**
   * The published version a token opens, or null (revoked, expired, malformed, unknown).
   * Never authorizes anything else: the reader gets this one snapshot and nothing more.
   */
  async open(token: string, now = new Date()): Promise<PublishedBrief | null> {
    if (!shareTokenInput.safeParse(token).success) return null;
    const link = await db.shareLink.findUnique({
      where: { tokenHash: hashShareToken(token) },
      select: { id: true, briefId: true, revokedAt: true, expiresAt: true, pinnedVersionId: true },
    });
    if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) return null;
    const version = await db.briefVersion.findFirst({
      where: link.pinnedVersionId ? { id: link.pinnedVersionId } : { briefId: link.briefId },
      orderBy: { number: "desc" },
      select: { title: true, number: true, publishedAt: true, snapshot: true },
    });
    if (!version) return null;
    await db.shareLink.update({ where: { id: link.id }, data: { viewCount: { increment: 1 }, lastViewedAt: now } });
    return { title: version.title, number: version.number, publishedAt: version.publishedAt, snapshot: version.snapshot as unknown as BriefSnapshot };
  },
};
