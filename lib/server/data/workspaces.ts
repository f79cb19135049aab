import "server-only";
import { ATTRIBUTE_RULES, GENERIC_ATTRIBUTES } from "@/lib/extract/attributes";
import { EVENT_DATE_ATTRIBUTES } from "@/lib/extract/eventdates";
import { isRole, type Role } from "@/lib/permissions";
import { db, type Tx } from "@/lib/server/db";

/** The key in Workspace.settings that holds the attributes a workspace added to the vocabulary. */
export const VOCABULARY_KEY = "attributeVocabulary";

/** The attributes the extractor itself assigns: the vocabulary every workspace starts from. */
export const BUILT_IN_ATTRIBUTES: readonly string[] = [
  ...new Set([...ATTRIBUTE_RULES.map((r) => r.attribute), ...GENERIC_ATTRIBUTES, ...EVENT_DATE_ATTRIBUTES, "change", "multiple"]),
].sort();

/** The workspace's own attributes from its settings JSON; anything malformed is ignored. */
export function addedAttributes(settings: unknown): string[] {
  const list = settings && typeof settings === "object" && !Array.isArray(settings) ? (settings as Record<string, unknown>)[VOCABULARY_KEY] : null;
  return Array.isArray(list) ? list.filter((a): a is string => typeof a === "string") : [];
}

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

  /** Built-in attributes and the ones this workspace added, each sorted. */
  async vocabulary(workspaceId: string, client: Tx | typeof db = db) {
    const ws = await client.workspace.findUnique({ where: { id: workspaceId }, select: { settings: true } });
    return { builtIn: BUILT_IN_ATTRIBUTES, added: addedAttributes(ws?.settings).sort() };
  },
};
