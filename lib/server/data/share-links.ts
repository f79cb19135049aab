import "server-only";
import { correctionsLog, type Correction } from "@/lib/briefs/diff";
import type { BriefSnapshot } from "@/lib/briefs/snapshot";
import { hashShareToken } from "@/lib/share-token";
import { shareTokenInput } from "@/lib/validations/briefs";
import { createHmac } from "node:crypto";
import { db } from "@/lib/server/db";

/** What the reader page shows: one published version and the corrections leading to it. */
export type PublishedBrief = {
  title: string;
  number: number;
  /** ISO date-time. */
  publishedAt: string;
  snapshot: BriefSnapshot;
  corrections: Correction[];
  allowIndexing: boolean;
};

/** Where a live link points. Never shown to the reader. */
export type LinkTarget = { briefId: string; pinnedVersionId: string | null };

/** Who opened a link, as far as counting views goes: the request's address and browser. */
export type Viewer = { address: string; userAgent: string };

/**
 * A keyed hash of the viewer and the day: the same viewer gives the same hash all day, and
 * without the server's secret it cannot be turned back into an address by trying them all.
 */
function viewerHash(viewer: Viewer, day: string): string {
  return createHmac("sha256", process.env.NEXTAUTH_SECRET || "corroborate-share-views").update(`${day}\n${viewer.address}\n${viewer.userAgent}`).digest("base64url");
}

export const shareLinks = {
  /**
   * Where a live token points, or null for a revoked, expired, malformed or unknown token.
   * Writes nothing: the reader page is cached, and views are counted by `countView`.
   */
  async find(token: string, now = new Date()): Promise<LinkTarget | null> {
    if (!shareTokenInput.safeParse(token).success) return null;
    const rows = await db.$queryRaw<LinkTarget[]>`
      SELECT "briefId", "pinnedVersionId" FROM "ShareLink"
      WHERE "tokenHash" = ${hashShareToken(token)} AND "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > ${now})`;
    return rows[0] ?? null;
  },

  /**
   * Counts a view of a live link, once per viewer a day: reloads, other tabs and replayed
   * beacons from the same address and browser on the same (UTC) day count nothing more. One
   * statement; a revoked, expired, malformed or unknown token counts nothing. Returns whether
   * a view was counted.
   */
  async countView(token: string, viewer: Viewer, now = new Date()): Promise<boolean> {
    if (!shareTokenInput.safeParse(token).success) return false;
    const day = now.toISOString().slice(0, 10);
    const counted = await db.$executeRaw`
      WITH link AS (
        SELECT id FROM "ShareLink"
        WHERE "tokenHash" = ${hashShareToken(token)} AND "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
      ), first_today AS (
        INSERT INTO "ShareLinkView" ("shareLinkId", "day", "viewerHash")
        SELECT id, ${day}::date, ${viewerHash(viewer, day)} FROM link
        ON CONFLICT DO NOTHING RETURNING "shareLinkId"
      )
      UPDATE "ShareLink" SET "viewCount" = "viewCount" + 1, "lastViewedAt" = ${now}
      WHERE id IN (SELECT "shareLinkId" FROM first_today)`;
    return counted > 0;
  },

  /**
   * Deletes the viewer rows of days before `now`'s (only today's are compared); returns how
   * many. Run once a day by the job queue (`lib/server/jobs/worker.ts`).
   */
  forgetPastViewers: (now = new Date()) =>
    db.$executeRaw`DELETE FROM "ShareLinkView" WHERE "day" < ${now.toISOString().slice(0, 10)}::date`,

  /** The version a link target shows, from published snapshots only. */
  async published(target: LinkTarget): Promise<PublishedBrief | null> {
    const [brief, versions] = await Promise.all([
      db.brief.findUnique({ where: { id: target.briefId }, select: { allowIndexing: true } }),
      db.briefVersion.findMany({
        where: { briefId: target.briefId },
        orderBy: { number: "asc" },
        select: { id: true, title: true, number: true, publishedAt: true, snapshot: true },
      }),
    ]);
    const shown = target.pinnedVersionId ? versions.find((v) => v.id === target.pinnedVersionId) : versions.at(-1);
    if (!brief || !shown) return null;
    const published = versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt.toISOString(), snapshot: v.snapshot as unknown as BriefSnapshot }));
    return {
      title: shown.title,
      number: shown.number,
      publishedAt: shown.publishedAt.toISOString(),
      snapshot: shown.snapshot as unknown as BriefSnapshot,
      corrections: correctionsLog(published, shown.number),
      allowIndexing: brief.allowIndexing,
    };
  },

  /**
   * The published version a token opens, or null (revoked, expired, malformed, unknown).
   * Never authorizes anything else: the reader gets this one snapshot and nothing more.
   */
  async open(token: string, now = new Date()): Promise<PublishedBrief | null> {
    const target = await shareLinks.find(token, now);
    return target ? shareLinks.published(target) : null;
  },
};
