import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db";

export type AuditEntry = {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  data?: Prisma.InputJsonValue;
};

export const audit = {
  /** Written in the same transaction as the change it records. */
  record: (tx: Tx, entry: AuditEntry) => tx.auditEvent.create({ data: entry }),

  /** Newest first, keyset-paginated on (createdAt, id). */
  async list(workspaceId: string, cursor: string | null, take = 50) {
    const rows = await db.auditEvent.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, action: true, targetType: true, targetId: true, data: true, createdAt: true, actorId: true },
    });
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id != null))];
    const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
    const byId = new Map(actors.map((a) => [a.id, a]));
    const page = rows.slice(0, take).map((r) => ({ ...r, actor: r.actorId ? (byId.get(r.actorId) ?? null) : null }));
    return { events: page, nextCursor: rows.length > take ? (page[page.length - 1]?.id ?? null) : null };
  },
};
