import "server-only";
import { db } from "@/lib/server/db";

export const jobs = {
  get: (workspaceId: string, id: string) =>
    db.job.findFirst({
      where: { id, workspaceId },
      select: {
        id: true, kind: true, status: true, total: true, done: true, failed: true, createdAt: true, updatedAt: true,
        items: {
          where: { status: "failed" },
          orderBy: { position: "asc" },
          take: 200,
          select: { id: true, position: true, error: true, input: true, resultId: true },
        },
      },
    }),

  recent: (workspaceId: string, take = 10) =>
    db.job.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, kind: true, status: true, total: true, done: true, failed: true, createdAt: true },
    }),
};
