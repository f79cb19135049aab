import "server-only";
import { isRole, type Role } from "@/lib/permissions";
import { db } from "@/lib/server/db";

export const workspaces = {
  /** The workspace behind a URL slug, with the caller's role; null when not a member. */
  async membership(slug: string, userId: string): Promise<{ id: string; slug: string; name: string; role: Role } | null> {
    const row = await db.membership.findFirst({
      where: { userId, workspace: { slug } },
      select: { role: true, workspace: { select: { id: true, slug: true, name: true } } },
    });
    if (!row || !isRole(row.role)) return null;
    return { ...row.workspace, role: row.role };
  },

  forUser: (userId: string) =>
    db.membership.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { role: true, workspace: { select: { id: true, slug: true, name: true } } },
    }),

  members: (workspaceId: string) =>
    db.membership.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
};
