import "server-only";
import { randomBytes } from "node:crypto";
import { draftStatements, type DraftFact } from "@/lib/briefs/draft";
import { exportFileName, exportFormats, renderExport } from "@/lib/briefs/export";
import { decidePublish, publishBlockers } from "@/lib/briefs/publish-check";
import { buildSnapshot } from "@/lib/briefs/snapshot";
import { parseTimeline } from "@/lib/briefs/timeline";
import { checkOpenComments, checkReturnToDraft, checkSendForReview, emptyStatementNumbers, statusAfterEdit, type BriefStatus } from "@/lib/briefs/workflow";
import { can } from "@/lib/permissions";
import { humanize } from "@/lib/format";
import { distinctValues } from "@/lib/reconcile/facts";
import { fail, ok, type Result } from "@/lib/result";
import { newShareToken } from "@/lib/share-token";
import {
  addBriefCommentInput, briefContentInput, briefTransitionInput, createBriefInput, createShareLinkInput, draftBriefInput, exportBriefInput, publishBriefInput,
  resolveBriefCommentInput, revokeShareLinkInput, saveBriefInput, searchBriefFactsInput, setBriefIndexingInput, type BriefContent,
} from "@/lib/validations/briefs";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { revalidateReader } from "@/lib/server/cache/revalidate";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
import { briefs, emptyBriefContent, parseContent, type FactOption } from "@/lib/server/data/briefs";
import { dec } from "@/lib/server/data/facts";

const conflict = () => fail("conflict", "Someone else saved this brief in the meantime. Reload to see their changes; yours were not saved.");

/** What the other session saved, for the editor's "changed by … at …" choice; nothing of mine is lost. */
export type BriefConflict = { version: number; title: string; content: BriefContent; status: BriefStatus; changedBy: string; changedAt: string };

async function conflictWithTheirs(workspaceId: string, briefId: string) {
  const [current, change] = await Promise.all([briefs.get(workspaceId, briefId), briefs.lastChange(workspaceId, briefId)]);
  if (!current) return fail("not_found", "This brief no longer exists.");
  const theirs: BriefConflict = {
    version: current.version, title: current.title, content: parseContent(current.content), status: current.status,
    changedBy: change?.name ?? "someone else", changedAt: (change?.at ?? current.updatedAt).toISOString(),
  };
  return fail("conflict", `This brief was changed by ${theirs.changedBy} in the meantime; your changes were not saved.`, { theirs });
}

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

export async function saveBrief(actor: Actor | null, raw: unknown): Promise<Result<{ version: number; status: BriefStatus; slug: string }>> {
  const input = saveBriefInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.write");
  if (!who.ok) return who;

  const factIds = [...new Set(input.data.content.sections.flatMap((s) => s.statements.flatMap((st) => st.factIds)))];
  const known = await db.fact.count({ where: { workspaceId: who.workspaceId, id: { in: factIds } } });
  if (known !== factIds.length) return fail("invalid_input", "A statement cites a fact that is not in this workspace.");

  const saved = await db.$transaction(async (tx) => {
    const current = await tx.brief.findFirst({ where: { id: input.data.briefId, workspaceId: who.workspaceId }, select: { status: true, version: true } });
    if (!current || current.version !== input.data.version) return null;
    // Editing a published brief starts a new draft (readers keep the published version);
    // editing one in review keeps it in review, where the editor answers the comments.
    const status = statusAfterEdit(current.status);
    const updated = await tx.brief.updateMany({
      where: { id: input.data.briefId, workspaceId: who.workspaceId, version: input.data.version },
      data: { title: input.data.title, content: input.data.content, status, version: { increment: 1 } },
    });
    if (updated.count === 0) return null;
    await audit.record(tx, {
      workspaceId: who.workspaceId, actorId: who.userId, action: "brief.saved", targetType: "brief", targetId: input.data.briefId,
      ...(status !== current.status ? { data: { from: current.status, to: status } } : {}),
    });
    return { version: input.data.version + 1, status };
  });
  if (saved == null) return conflictWithTheirs(who.workspaceId, input.data.briefId);
  return ok({ ...saved, slug: who.slug });
}

async function changeStatus(
  actor: Actor | null, raw: unknown, action: string,
  check: (status: BriefStatus, content: BriefContent) => { ok: true } | { ok: false; message: string },
  to: BriefStatus,
): Promise<Result<{ version: number; status: BriefStatus; slug: string; briefId: string }>> {
  const input = briefTransitionInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.write");
  if (!who.ok) return who;
  const brief = await db.brief.findFirst({ where: { id: input.data.briefId, workspaceId: who.workspaceId }, select: { id: true, status: true, version: true, content: true } });
  if (!brief) return fail("not_found", "This brief no longer exists.");
  if (brief.version !== input.data.version) return conflictWithTheirs(who.workspaceId, brief.id);
  const allowed = check(brief.status, parseContent(brief.content));
  if (!allowed.ok) return fail("invalid_state", allowed.message);
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.brief.updateMany({ where: { id: brief.id, version: brief.version }, data: { status: to, version: { increment: 1 } } });
    if (updated.count === 0) return false;
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action, targetType: "brief", targetId: brief.id, data: { from: brief.status, to } });
    return true;
  });
  if (!changed) return conflictWithTheirs(who.workspaceId, brief.id);
  return ok({ version: brief.version + 1, status: to, slug: who.slug, briefId: brief.id });
}

/** Draft (or a published brief being revised) → in review, for reviewers to comment on. */
export const sendBriefForReview = (actor: Actor | null, raw: unknown) =>
  changeStatus(actor, raw, "brief.sent_for_review", (status, content) => checkSendForReview(status, content.sections.flatMap((s) => s.statements)), "in_review");

/** In review → draft: the editor takes the brief back (comments stay). */
export const returnBriefToDraft = (actor: Actor | null, raw: unknown) => changeStatus(actor, raw, "brief.returned_to_draft", (status) => checkReturnToDraft(status), "draft");

/** A reviewer's comment on one statement of a brief in review. */
export async function addBriefComment(actor: Actor | null, raw: unknown): Promise<Result<{ commentId: string; slug: string; briefId: string }>> {
  const input = addBriefCommentInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.comment");
  if (!who.ok) return who;
  const brief = await db.brief.findFirst({ where: { id: input.data.briefId, workspaceId: who.workspaceId }, select: { id: true, status: true, content: true } });
  if (!brief) return fail("not_found", "This brief no longer exists.");
  if (brief.status !== "in_review") return fail("invalid_state", "Comments are taken while the brief is in review.");
  const statementIds = parseContent(brief.content).sections.flatMap((s) => s.statements.map((st) => st.id));
  if (!statementIds.includes(input.data.statementId)) return fail("invalid_state", "That statement was removed from the brief.");
  const comment = await db.$transaction(async (tx) => {
    // Checked again under a lock on the brief: publishing or taking the brief back to draft
    // holds the same row, so a comment lands while the brief is in review or not at all.
    const [locked] = await tx.$queryRaw<{ status: string; content: unknown }[]>`SELECT status::text AS status, content FROM "Brief" WHERE id = ${brief.id} FOR SHARE`;
    if (locked?.status !== "in_review") return fail("invalid_state", "The brief left review just now, so your comment was not added. Copy it if you need it.");
    if (!parseContent(locked.content).sections.some((s) => s.statements.some((st) => st.id === input.data.statementId))) return fail("invalid_state", "That statement was removed from the brief.");
    const created = await tx.briefComment.create({
      data: { briefId: brief.id, statementId: input.data.statementId, authorId: who.userId, body: input.data.body },
      select: { id: true },
    });
    await audit.record(tx, {
      workspaceId: who.workspaceId, actorId: who.userId, action: "brief_comment.added", targetType: "brief_comment", targetId: created.id,
      data: { briefId: brief.id, statementId: input.data.statementId },
    });
    return ok(created);
  });
  if (!comment.ok) return comment;
  return ok({ commentId: comment.data.id, slug: who.slug, briefId: brief.id });
}

/** Marks a comment resolved: its author may, and so may any editor. Never deleted. */
export async function resolveBriefComment(actor: Actor | null, raw: unknown): Promise<Result<{ slug: string; briefId: string }>> {
  const input = resolveBriefCommentInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.comment");
  if (!who.ok) return who;
  const comment = await db.briefComment.findFirst({
    where: { id: input.data.commentId, brief: { workspaceId: who.workspaceId } },
    select: { id: true, briefId: true, authorId: true, resolvedAt: true },
  });
  if (!comment) return fail("not_found", "This comment does not exist.");
  if (comment.authorId !== who.userId && !can(who.role, "briefs.write")) return fail("forbidden", "Only the comment's author or an editor may resolve it.");
  if (comment.resolvedAt) return ok({ slug: who.slug, briefId: comment.briefId });
  await db.$transaction(async (tx) => {
    // Resolved once: a second click in another tab changes nothing.
    const updated = await tx.briefComment.updateMany({ where: { id: comment.id, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: who.userId } });
    if (updated.count === 0) return;
    await audit.record(tx, {
      workspaceId: who.workspaceId, actorId: who.userId, action: "brief_comment.resolved", targetType: "brief_comment", targetId: comment.id, data: { briefId: comment.briefId },
    });
  });
  return ok({ slug: who.slug, briefId: comment.briefId });
}

/** The citation picker's search: read-only, for those who write briefs. */
export async function searchBriefFacts(actor: Actor | null, raw: unknown): Promise<Result<{ facts: FactOption[]; total: number; limit: number }>> {
  const input = searchBriefFactsInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.write");
  if (!who.ok) return who;
  const limit = 20;
  const found = await briefs.searchFacts(who.workspaceId, input.data.query, limit);
  return ok({ ...found, limit });
}

export async function publishBrief(actor: Actor | null, raw: unknown): Promise<Result<{ number: number; slug: string; briefId: string; overridden: number }>> {
  const input = publishBriefInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.publish");
  if (!who.ok) return who;

  const result = await db.$transaction(async (tx) => {
    // Locked first, so the open comments counted below are all there will be: a comment
    // waits for this transaction and then finds the brief published.
    await tx.$queryRaw`SELECT id FROM "Brief" WHERE id = ${input.data.briefId} AND "workspaceId" = ${who.workspaceId} FOR UPDATE`;
    const brief = await tx.brief.findFirst({
      where: { id: input.data.briefId, workspaceId: who.workspaceId },
      select: { id: true, title: true, content: true, version: true, latestVersionNumber: true, status: true },
    });
    if (!brief) return fail("not_found", "This brief no longer exists.");
    if (brief.version !== input.data.version) return conflict();
    const content = parseContent(brief.content);
    const statements = content.sections.flatMap((s) => s.statements);
    if (statements.length === 0) return fail("invalid_state", "Write at least one statement before publishing.");
    const empty = emptyStatementNumbers(statements);
    if (empty.length) return fail("invalid_state", `Statement ${empty.join(", ")} ${empty.length === 1 ? "is" : "are"} empty: write ${empty.length === 1 ? "it" : "them"} or remove ${empty.length === 1 ? "it" : "them"} before publishing.`);
    // Open review comments warn, they do not block: the editor confirms publishing over them.
    const openComments = await tx.briefComment.count({ where: { briefId: brief.id, resolvedAt: null } });
    const commentsCheck = checkOpenComments(openComments, input.data.confirmOpenComments);
    if (!commentsCheck.ok) return fail("invalid_state", commentsCheck.message, { openComments });
    const factIds = [...new Set(statements.flatMap((s) => s.factIds))];
    const evidence = await briefs.evidence(tx, who.workspaceId, factIds);

    // A cited fact that is conflicting, stale or without evidence holds publishing back,
    // unless the editor writes a note that readers will see.
    const blockers = publishBlockers(factIds.map((id) => {
      const fact = evidence.get(id);
      return fact
        ? { id, label: `${fact.subject} · ${humanize(fact.attribute)}`, state: fact.state, stale: fact.stale ?? false, claimCount: fact.claims.length }
        : { id, label: "A cited fact that no longer exists", state: "agreed" as const, stale: false, claimCount: 0 };
    }));
    const decision = decidePublish(blockers, input.data.overrideNote);
    if (!decision.ok) return fail("invalid_state", decision.message, { blockers: decision.blockers });

    const snapshot = buildSnapshot(brief.title, content, evidence, {
      changeNote: brief.latestVersionNumber > 0 ? input.data.changeNote : null,
      overrideNote: decision.note,
      overriddenFactIds: new Set(decision.overridden.map((b) => b.factId)),
    });

    const number = brief.latestVersionNumber + 1;
    const bumped = await tx.brief.updateMany({
      where: { id: brief.id, version: brief.version },
      data: { status: "published", latestVersionNumber: number, version: { increment: 1 } },
    });
    if (bumped.count === 0) return conflict();
    await revalidateReader(brief.id, tx);
    const version = await tx.briefVersion.create({
      data: { briefId: brief.id, number, title: brief.title, snapshot, overrideNote: decision.note, publishedById: who.userId },
      select: { id: true },
    });
    await audit.record(tx, {
      workspaceId: who.workspaceId, actorId: who.userId, action: "brief.published", targetType: "brief", targetId: brief.id,
      data: { number, versionId: version.id, from: brief.status, ...(openComments ? { openComments } : {}), ...(decision.note ? { overrideNote: decision.note, overriddenFactIds: decision.overridden.map((b) => b.factId) } : {}) },
    });
    return ok({ number, slug: who.slug, briefId: brief.id, overridden: decision.overridden.length });
  });
  return result;
}

/** Whether search engines may index the brief's reader page (off by default). */
export async function setBriefIndexing(actor: Actor | null, raw: unknown): Promise<Result<{ slug: string; briefId: string; allowIndexing: boolean }>> {
  const input = setBriefIndexingInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.publish");
  if (!who.ok) return who;
  const brief = await db.brief.findFirst({ where: { id: input.data.briefId, workspaceId: who.workspaceId }, select: { id: true, allowIndexing: true } });
  if (!brief) return fail("not_found", "This brief no longer exists.");
  if (brief.allowIndexing !== input.data.allowIndexing) {
    await db.$transaction(async (tx) => {
      await tx.brief.update({ where: { id: brief.id }, data: { allowIndexing: input.data.allowIndexing } });
      await revalidateReader(brief.id, tx);
      await audit.record(tx, {
        workspaceId: who.workspaceId, actorId: who.userId, action: "brief.indexing_changed", targetType: "brief", targetId: brief.id,
        data: { allowIndexing: input.data.allowIndexing },
      });
    });
  }
  return ok({ slug: who.slug, briefId: brief.id, allowIndexing: input.data.allowIndexing });
}

export type BriefExport = { fileName: string; contentType: string; body: string };

/** One published version as a file. Read-only: no audit event, nothing written. */
export async function exportBriefVersion(actor: Actor | null, raw: unknown): Promise<Result<BriefExport>> {
  const input = exportBriefInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.export");
  if (!who.ok) return who;
  const [version] = await briefs.versions(who.workspaceId, input.data.briefId, [input.data.version]);
  if (!version) return fail("not_found", "That version of the brief does not exist.");
  const { format } = input.data;
  return ok({
    fileName: exportFileName(version.title, version.number, format),
    contentType: exportFormats[format].contentType,
    body: renderExport(format, version.snapshot, { number: version.number, publishedAt: version.publishedAt }),
  });
}

export async function createShareLink(actor: Actor | null, raw: unknown): Promise<Result<{ token: string; shareLinkId: string; slug: string; briefId: string }>> {
  const input = createShareLinkInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "shareLinks.manage");
  if (!who.ok) return who;
  const brief = await db.brief.findFirst({ where: { id: input.data.briefId, workspaceId: who.workspaceId }, select: { id: true, latestVersionNumber: true } });
  if (!brief) return fail("not_found", "This brief no longer exists.");
  if (brief.latestVersionNumber === 0) return fail("invalid_state", "Publish the brief before sharing it.");
  let pinnedVersionId: string | null = null;
  if (input.data.pinnedVersion != null) {
    const pinned = await db.briefVersion.findUnique({ where: { briefId_number: { briefId: brief.id, number: input.data.pinnedVersion } }, select: { id: true } });
    if (!pinned) return fail("invalid_input", `Version ${input.data.pinnedVersion} of this brief has not been published.`);
    pinnedVersionId = pinned.id;
  }

  const { token, hash } = newShareToken();
  const link = await db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: { briefId: brief.id, tokenHash: hash, expiresAt: input.data.expiresAt, pinnedVersionId, createdById: who.userId },
      select: { id: true },
    });
    await audit.record(tx, {
      workspaceId: who.workspaceId, actorId: who.userId, action: "share_link.created", targetType: "share_link", targetId: created.id,
      data: { briefId: brief.id, expiresAt: input.data.expiresAt?.toISOString() ?? null, pinnedVersion: input.data.pinnedVersion ?? null },
    });
    return created;
  });
  return ok({ token, shareLinkId: link.id, slug: who.slug, briefId: brief.id });
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
    // Two revokes at once: only the first records one.
    const revoked = await tx.shareLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) return;
    await revalidateReader(link.briefId, tx);
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "share_link.revoked", targetType: "share_link", targetId: link.id });
  });
  return ok({ slug: who.slug, briefId: link.briefId });
}

/**
 * Auto-draft: appends one sentence per chosen fact, built from its accepted value, to the
 * draft's first section. Conflicting facts get no sentence (they have no value to state).
 */
export async function draftBriefFromFacts(actor: Actor | null, raw: unknown): Promise<Result<{ version: number; slug: string; briefId: string; content: BriefContent; added: number; skipped: number }>> {
  const input = draftBriefInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "briefs.write");
  if (!who.ok) return who;
  const brief = await briefs.get(who.workspaceId, input.data.briefId);
  if (!brief) return fail("not_found", "This brief no longer exists.");
  if (brief.version !== input.data.version) return conflictWithTheirs(who.workspaceId, brief.id);

  const factIds = [...new Set(input.data.factIds)];
  const rows = await db.fact.findMany({
    where: { workspaceId: who.workspaceId, id: { in: factIds } },
    select: {
      id: true, subject: true, attribute: true, state: true, unit: true, acceptedValue: true, acceptedLow: true, acceptedHigh: true, acceptedTimeline: true, resolvedAt: true,
      claims: { where: { status: "confirmed" }, orderBy: [{ rank: "asc" }, { id: "asc" }], select: { value: true, low: true, high: true, unit: true, rank: true, counterparty: true, basis: true } },
    },
  });
  if (rows.length !== factIds.length) return fail("invalid_input", "A chosen fact is not in this workspace.");
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chosen: DraftFact[] = factIds.map((id) => {
    const f = byId.get(id)!;
    const claims = f.claims.map((c) => ({ value: dec(c.value), low: dec(c.low), high: dec(c.high), unit: c.unit, rank: c.rank }));
    const kept = claims.filter((c) => c.rank !== "deprecated");
    const accepted = f.resolvedAt
      ? { value: dec(f.acceptedValue), low: dec(f.acceptedLow), high: dec(f.acceptedHigh), unit: f.unit }
      : f.state === "agreed" ? (distinctValues(kept)[0] ?? null) : null;
    return {
      id, subject: f.subject, attribute: f.attribute, state: f.state, accepted,
      counterparty: f.claims.find((c) => c.counterparty)?.counterparty ?? null,
      basis: f.claims.find((c) => c.basis)?.basis ?? null,
      setAside: claims.filter((c) => c.rank === "deprecated"),
      timeline: f.resolvedAt ? parseTimeline(f.acceptedTimeline) : null,
      unit: f.unit,
    };
  });
  const drafted = draftStatements(chosen);
  if (drafted.length === 0) return fail("invalid_state", "None of the chosen facts has a settled value to write: resolve them first.");

  const content = parseContent(brief.content);
  const [first, ...rest] = content.sections.length ? content.sections : emptyBriefContent().sections;
  const added = drafted.map((d) => ({ id: `st-${randomBytes(6).toString("base64url")}`, text: d.text, factIds: d.factIds }));
  const next: BriefContent = { sections: [{ ...first!, statements: [...first!.statements, ...added] }, ...rest] };
  const checked = briefContentInput.safeParse(next);
  if (!checked.success) return fail("invalid_input", "The brief would be too long with these statements.");

  const saved = await db.$transaction(async (tx) => {
    const updated = await tx.brief.updateMany({
      where: { id: brief.id, workspaceId: who.workspaceId, version: brief.version },
      data: { content: checked.data, status: statusAfterEdit(brief.status), version: { increment: 1 } },
    });
    if (updated.count === 0) return false;
    await audit.record(tx, {
      workspaceId: who.workspaceId, actorId: who.userId, action: "brief.drafted", targetType: "brief", targetId: brief.id,
      data: {
        factIds: drafted.flatMap((d) => d.factIds), skipped: factIds.length - drafted.length,
        ...(statusAfterEdit(brief.status) !== brief.status ? { from: brief.status, to: statusAfterEdit(brief.status) } : {}),
      },
    });
    return true;
  });
  if (!saved) return conflictWithTheirs(who.workspaceId, brief.id);
  return ok({ version: brief.version + 1, slug: who.slug, briefId: brief.id, content: checked.data, added: drafted.length, skipped: factIds.length - drafted.length });
}
