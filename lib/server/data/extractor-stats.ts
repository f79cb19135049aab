import "server-only";
import { db } from "@/lib/server/db";

export type ExtractorStats = { extractor: string; version: string; total: number; suggested: number; confirmed: number; rejected: number; edited: number };

/** How each extractor version's suggestions fared with people, and which fields they edit most. */
export async function extractorStats(workspaceId: string) {
  const [byStatus, edited, edits] = await Promise.all([
    db.claim.groupBy({ by: ["extractor", "extractorVersion", "status"], where: { workspaceId, createdById: null }, _count: { _all: true } }),
    db.claim.groupBy({ by: ["extractor", "extractorVersion"], where: { workspaceId, createdById: null, edited: true }, _count: { _all: true } }),
    db.auditEvent.findMany({ where: { workspaceId, action: "claim.edited" }, select: { data: true }, take: 10_000, orderBy: { createdAt: "desc" } }),
  ]);
  const rows = new Map<string, ExtractorStats>();
  const row = (extractor: string, version: string) => {
    const key = `${extractor}@${version}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { extractor, version, total: 0, suggested: 0, confirmed: 0, rejected: 0, edited: 0 }));
    return r;
  };
  for (const g of byStatus) {
    const r = row(g.extractor, g.extractorVersion);
    r[g.status] += g._count._all;
    r.total += g._count._all;
  }
  for (const g of edited) row(g.extractor, g.extractorVersion).edited += g._count._all;
  const fieldCounts = new Map<string, number>();
  for (const e of edits) {
    const changed = (e.data as { changed?: unknown } | null)?.changed;
    if (Array.isArray(changed)) for (const f of changed) if (typeof f === "string") fieldCounts.set(f, (fieldCounts.get(f) ?? 0) + 1);
  }
  return {
    versions: [...rows.values()].sort((a, b) => a.extractor.localeCompare(b.extractor) || b.version.localeCompare(a.version, undefined, { numeric: true })),
    editedFields: [...fieldCounts.entries()].sort((a, b) => b[1] - a[1]),
  };
}
