import "server-only";
import { buildSnapshot } from "@/lib/briefs/snapshot";
import { fail, ok, type Result } from "@/lib/result";
import { newShareToken } from "@/lib/share-token";
import { createBriefInput, createShareLinkInput, publishBriefInput, revokeShareLinkInput, saveBriefInput } from "@/lib/validations/briefs";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
import { briefs, emptyBriefContent, parseContent } from "@/lib/server/data/briefs";

const conflict = () => fail("conflict", "Someone else saved this brief in the meantime. Reload to see their changes; yours were not saved.");

export async function createBrief(actor: Actor | null, raw: unknown): Promise<Result<{ briefId: string; slug: string }>> {
  const input = createBriefInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.write");
  if (!who.ok) return who;
  const brief = await db.$transaction(async (tx) => {
    const created = await tx.brief.create({
      data: { workspaceId: who.workspaceId, title: input.data.title, content: emptyBriefContent(), createdById: who.userId },
      select: { id: true },
    });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "brief.created", targetType: "brief", targetId: created.id });
    return created;
  });
  return ok({ briefId: brief.id, slug: who.slug });
}

export async function saveBrief(actor: Actor | null, raw: unknown): Promise<Result<{ version: number; slug: string }>> {
  const input = saveBriefInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.write");
  if (!who.ok) return who;

  const factIds = [...new Set(input.data.content.sections.flatMap((s) => s.statements.flatMap((st) => st.factIds)))];
  const known = await db.fact.count({ where: { workspaceId: who.workspaceId, id: { in: factIds } } });
  if (known !== factIds.length) return fail("invalid_input", "A statement cites a fact that is not in this workspace.");

  const saved = await db.$transaction(async (tx) => {
    // Editing a published brief starts a new draft; readers keep the published version.
    const updated = await tx.brief.updateMany({
      where: { id: input.data.briefId, workspaceId: who.workspaceId, version: input.data.version },
      data: { title: input.data.title, content: input.data.content, status: "draft", version: { increment: 1 } },
    });
    if (updated.count === 0) return null;
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "brief.saved", targetType: "brief", targetId: input.data.briefId });
    return input.data.version + 1;
  });
  if (saved == null) {
    const exists = await briefs.get(who.workspaceId, input.data.briefId);
    return exists ? conflict() : fail("not_found", "This brief no longer exists.");
  }
  return ok({ version: saved, slug: who.slug });
}

export async function publishBrief(actor: Actor | null, raw: unknown): Promise<Result<{ number: number; slug: string }>> {
  const input = publishBriefInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.publish");
  if (!who.ok) return who;

  const result = await db.$transaction(async (tx) => {
    const brief = await tx.brief.findFirst({
      where: { id: input.data.briefId, workspaceId: who.workspaceId },
      select: { id: true, title: true, content: true, version: true, latestVersionNumber: true },
    });
    if (!brief) return fail("not_found", "This brief no longer exists.");
    if (brief.version !== input.data.version) return conflict();
    const content = parseContent(brief.content);
    const statements = content.sections.flatMap((s) => s.statements);
    if (statements.length === 0) return fail("invalid_state", "Write at least one statement before publishing.");
    const factIds = [...new Set(statements.flatMap((s) => s.factIds))];
    const evidence = await briefs.evidence(tx, who.workspaceId, factIds);
    const snapshot = buildSnapshot(brief.title, content, evidence);

    const number = brief.latestVersionNumber + 1;
    const bumped = await tx.brief.updateMany({
      where: { id: brief.id, version: brief.version },
      data: { status: "published", latestVersionNumber: number, version: { increment: 1 } },
    });
    if (bumped.count === 0) return conflict();
    const version = await tx.briefVersion.create({
      data: { briefId: brief.id, number, title: brief.title, snapshot, publishedById: who.userId },
      select: { id: true },
    });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "brief.published", targetType: "brief", targetId: brief.id, data: { number, versionId: version.id } });
    return ok({ number, slug: who.slug });
  });
  return result;
}

export async function createShareLink(actor: Actor | null, raw: unknown): Promise<Result<{ token: string; shareLinkId: string; slug: string }>> {
  const input = createShareLinkInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "shareLinks.manage");
  if (!who.ok) return who;
  const brief = await db.brief.findFirst({ where: { id: input.data.briefId, workspaceId: who.workspaceId }, select: { id: true, latestVersionNumber: true } });
  if (!brief) return fail("not_found", "This brief no longer exists.");
  if (brief.latestVersionNumber === 0) return fail("invalid_state", "Publish the brief before sharing it.");

  const { token, hash } = newShareToken();
  const link = await db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: { briefId: brief.id, tokenHash: hash, expiresAt: input.data.expiresAt, createdById: who.userId },
      select: { id: true },
    });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "share_link.created", targetType: "share_link", targetId: created.id, data: { briefId: brief.id } });
    return created;
  });
  return ok({ token, shareLinkId: link.id, slug: who.slug });
}

export async function revokeShareLink(actor: Actor | null, raw: unknown): Promise<Result<{ slug: string; briefId: string }>> {
  const input = revokeShareLinkInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "shareLinks.manage");
  if (!who.ok) return who;
  const link = await db.shareLink.findFirst({ where: { id: input.data.shareLinkId, brief: { workspaceId: who.workspaceId } }, select: { id: true, briefId: true, revokedAt: true } });
  if (!link) return fail("not_found", "This share link does not exist.");
  if (link.revokedAt) return ok({ slug: who.slug, briefId: link.briefId });
  await db.$transaction(async (tx) => {
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "share_link.revoked", targetType: "share_link", targetId: link.id });
  });
  return ok({ slug: who.slug, briefId: link.briefId });
}
