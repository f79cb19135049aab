// Shared set-up for the integration tests (*.int.test.ts): real rows in the real test
// database, made through the same commands people use wherever the command is what a test
// relies on, and inserted directly where a test needs exact control (a claim's subject,
// attribute and value). Every name and email carries a random suffix, so test files never
// depend on each other or on the order they run in.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { normalizeText, textHash } from "@/lib/import/normalize";
import { roles, type Role } from "@/lib/permissions";
import type { Result } from "@/lib/result";
import type { Actor } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";

export const TEST_PASSWORD = "correct horse battery staple";

/** A short random tail for emails, slugs and texts. */
export const uniq = () => randomBytes(5).toString("hex");

/** A random IPv4 address, so lockout counts of different tests never meet. */
export const randomIp = () => `10.${[...randomBytes(3)].join(".")}`;

// bcrypt at the app's cost (12) takes ~250 ms a hash. Fixture users share one cheap hash of
// TEST_PASSWORD: verifying reads the cost from the hash, so the behaviour is the same.
let cheapHash: Promise<string> | null = null;
export const testPasswordHash = () => (cheapHash ??= bcrypt.hash(TEST_PASSWORD, 4));

/** The value of an ok result, or an error that names the step and the failure. */
export function unwrap<T>(result: Result<T>, what = "fixture step"): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.code}: ${result.message}`);
  return result.data;
}

export type TestUser = { id: string; email: string; name: string; actor: Actor };

export async function createUser(opts: { name?: string; email?: string; passwordHash?: string } = {}): Promise<TestUser> {
  const tail = uniq();
  const name = opts.name ?? `Test User ${tail}`;
  const email = (opts.email ?? `user-${tail}@int.corroborate.test`).toLowerCase();
  const user = await db.user.create({
    data: { name, email, passwordHash: opts.passwordHash ?? (await testPasswordHash()) },
    select: { id: true },
  });
  return { id: user.id, email, name, actor: { userId: user.id } };
}

export type TestWorkspace = {
  id: string;
  slug: string;
  /** One member per role. */
  users: Record<Role, TestUser>;
  actors: Record<Role, Actor>;
  memberships: Record<Role, string>;
  /** A user who owns a workspace of their own but is not a member of this one. */
  outsider: TestUser & { workspaceId: string };
};

async function bareWorkspace(label: string) {
  const slug = `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${uniq()}`;
  return db.workspace.create({ data: { slug, name: `Test ${label}` }, select: { id: true, slug: true } });
}

/** A workspace with an owner, an editor, a researcher and a viewer, plus an outsider. */
export async function createWorkspace(label = "ws"): Promise<TestWorkspace> {
  const workspace = await bareWorkspace(label);
  const users = {} as Record<Role, TestUser>;
  const memberships = {} as Record<Role, string>;
  for (const role of roles) {
    const user = await createUser({ name: `${role} ${label}` });
    const membership = await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role }, select: { id: true } });
    users[role] = user;
    memberships[role] = membership.id;
  }
  const outsider = await createUser({ name: `outsider ${label}` });
  const elsewhere = await bareWorkspace(`${label}-outsider`);
  await db.membership.create({ data: { workspaceId: elsewhere.id, userId: outsider.id, role: "owner" } });
  const actors = Object.fromEntries(roles.map((r) => [r, users[r].actor])) as Record<Role, Actor>;
  return { ...workspace, users, actors, memberships, outsider: { ...outsider, workspaceId: elsewhere.id } };
}

/** Adds a member with a role to an existing workspace. */
export async function addMemberRow(workspaceId: string, role: Role): Promise<TestUser & { membershipId: string }> {
  const user = await createUser({ name: `extra ${role}` });
  const membership = await db.membership.create({ data: { workspaceId, userId: user.id, role }, select: { id: true } });
  return { ...user, membershipId: membership.id };
}

/** The sentence the extractor must find a claim in (with a date, so dates are exercised). */
export const OPENAI_SENTENCE = "OpenAI raised $110 billion in February 2026.";
/** A text with one money figure and no date, for tests that are not about extraction. */
export const plainText = () => `OpenAI raised $110 billion from a group of investors. Reference ${uniq()}.`;

/** Imports an article through the importArticle command (extractor included). */
export async function importFixtureArticle(
  workspaceId: string,
  actor: Actor,
  fields: { title?: string; text?: string; outlet?: string; author?: string; url?: string; publishedAt?: string } = {},
) {
  // Loaded on use, so test files that never import articles do not load the extractor.
  const { importArticle } = await import("@/lib/server/commands/articles");
  const text = fields.text ?? plainText();
  const data = unwrap(await importArticle(actor, { workspaceId, title: fields.title ?? `Fixture ${uniq()}`, ...fields, text }), "importArticle");
  return { ...data, text: normalizeText(text) };
}

/** An article row written directly (no extractor, no suggestions), for exact control. */
export async function insertArticle(workspaceId: string, text: string, fields: { title?: string; outlet?: string; author?: string; url?: string; publishedAt?: Date } = {}) {
  const normalized = normalizeText(text);
  const article = await db.article.create({
    data: {
      workspaceId,
      title: fields.title ?? `Inserted ${uniq()}`,
      outlet: fields.outlet ?? null,
      author: fields.author ?? null,
      url: fields.url ?? null,
      publishedAt: fields.publishedAt ?? null,
      text: normalized,
      textHash: textHash(normalized),
    },
    select: { id: true, text: true },
  });
  return article;
}

export type ClaimFields = {
  subject: string;
  attribute: string;
  /** Exact decimal string, e.g. "110000000000". */
  value: string;
  /** As written; must occur in the article text (its first occurrence is the span). */
  valueText: string;
  unit?: string;
  counterparty?: string;
  /** Where to look for valueText, when it occurs more than once. */
  from?: number;
};

/** A suggested claim row with a span that really is valueText in the article's text. */
export async function insertClaim(workspaceId: string, article: { id: string; text: string }, fields: ClaimFields) {
  const start = article.text.indexOf(fields.valueText, fields.from ?? 0);
  if (start < 0) throw new Error(`"${fields.valueText}" is not in the article text`);
  const end = start + fields.valueText.length;
  // The sentence: from after the previous full stop (and the space after it) to the next one.
  let sentenceStart = start > 0 ? article.text.lastIndexOf(".", start - 1) + 1 : 0;
  while (sentenceStart < start && /\s/.test(article.text.charAt(sentenceStart))) sentenceStart++;
  const dot = article.text.indexOf(".", end);
  const sentenceEnd = dot < 0 ? article.text.length : dot + 1;
  return db.claim.create({
    data: {
      workspaceId,
      articleId: article.id,
      subject: fields.subject,
      subjectKey: fields.subject.toLowerCase(),
      attribute: fields.attribute,
      value: fields.value,
      unit: fields.unit ?? "USD",
      valueText: fields.valueText,
      counterparty: fields.counterparty ?? null,
      counterpartyKey: fields.counterparty?.toLowerCase() ?? "",
      start,
      end,
      sentenceStart,
      sentenceEnd,
      extractor: "int-test",
      extractorVersion: "1",
    },
    select: { id: true, version: true, start: true, end: true },
  });
}

/** An article with one claim, confirmed through decideClaim: the claim's fact exists after. */
export async function confirmedClaim(workspaceId: string, actor: Actor, text: string, fields: ClaimFields) {
  const article = await insertArticle(workspaceId, text);
  const claim = await insertClaim(workspaceId, article, fields);
  const { decideClaim } = await import("@/lib/server/commands/claims");
  const decided = unwrap(await decideClaim(actor, { workspaceId, claimId: claim.id, decision: "confirm", version: claim.version }), "decideClaim");
  if (!decided.factId) throw new Error("a confirmed claim has no fact");
  return { article, claimId: claim.id, factId: decided.factId };
}

/** Brief content with one section of statements. */
export function briefContent(statements: { text: string; factIds: string[] }[]) {
  return { sections: [{ id: "s1", heading: "Findings", statements: statements.map((s, i) => ({ id: `st${i + 1}`, ...s })) }] };
}

/**
 * Everything a command could have written in a workspace, as plain JSON: compare it before
 * and after a refused command to show that nothing changed.
 */
export async function workspaceState(workspaceId: string) {
  const byId = { orderBy: { id: "asc" as const } };
  const [articles, claims, citations, facts, resolutions, briefs, briefVersions, shareLinks, memberships, auditEvents] = await Promise.all([
    db.article.findMany({ where: { workspaceId }, select: { id: true, title: true, textHash: true }, ...byId }),
    db.claim.findMany({ where: { workspaceId }, select: { id: true, status: true, version: true, factId: true, rank: true, reviewedById: true }, ...byId }),
    db.citation.findMany({ where: { article: { workspaceId } }, select: { id: true, claimId: true }, ...byId }),
    db.fact.findMany({
      where: { workspaceId },
      select: { id: true, state: true, version: true, stale: true, acceptedValue: true, rationale: true, resolvedById: true },
      ...byId,
    }),
    db.factResolution.findMany({ where: { fact: { workspaceId } }, select: { id: true }, ...byId }),
    db.brief.findMany({ where: { workspaceId }, select: { id: true, title: true, content: true, status: true, version: true, latestVersionNumber: true }, ...byId }),
    db.briefVersion.findMany({ where: { brief: { workspaceId } }, select: { id: true, number: true }, ...byId }),
    db.shareLink.findMany({ where: { brief: { workspaceId } }, select: { id: true, revokedAt: true, expiresAt: true }, ...byId }),
    db.membership.findMany({ where: { workspaceId }, select: { id: true, userId: true, role: true }, ...byId }),
    db.auditEvent.count({ where: { workspaceId } }),
  ]);
  const state = { articles, claims, citations, facts, resolutions, briefs, briefVersions, shareLinks, memberships, auditEvents };
  return JSON.parse(JSON.stringify(state)) as unknown;
}

/** Audit events written by one user, anywhere. */
export const auditCountBy = (actorId: string) => db.auditEvent.count({ where: { actorId } });

/** The audit events about one record. */
export const auditEventsFor = (targetType: string, targetId: string) =>
  db.auditEvent.findMany({
    where: { targetType, targetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { workspaceId: true, actorId: true, action: true, targetType: true, targetId: true, data: true },
  });
