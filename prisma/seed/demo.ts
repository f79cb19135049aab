import fs from "node:fs";
import path from "node:path";
import { formatValue } from "@/lib/format";
import type { Role } from "@/lib/permissions";
import { hashShareToken } from "@/lib/share-token";
import type { Actor } from "@/lib/server/auth/current-user";
import { hashPassword } from "@/lib/server/auth/passwords";
import { importArticle } from "@/lib/server/commands/articles";
import { createBrief, createShareLink, publishBrief, saveBrief } from "@/lib/server/commands/briefs";
import { decideClaim } from "@/lib/server/commands/claims";
import { resolveFact } from "@/lib/server/commands/facts";
import { db } from "@/lib/server/db";
import { dec } from "@/lib/server/data/facts";

// The demo workspace: the five seed articles imported through the same command a person's
// paste goes through, a confirmed and resolved fact, and a published brief with a share link.
// Every step is idempotent, so it runs on each start.

export const DEMO_WORKSPACE_SLUG = "demo";
export const DEMO_PASSWORD_NOTE = "demo only — never use these accounts outside a local demo";
export const demoUsers: { role: Role; name: string; email: string; password: string }[] = [
  { role: "owner", name: "Olivia Owner", email: "owner@demo.corroborate.test", password: "demo-owner-pass" },
  { role: "editor", name: "Eddie Editor", email: "editor@demo.corroborate.test", password: "demo-editor-pass" },
  { role: "researcher", name: "Rita Researcher", email: "researcher@demo.corroborate.test", password: "demo-researcher-pass" },
  { role: "viewer", name: "Victor Viewer", email: "viewer@demo.corroborate.test", password: "demo-viewer-pass" },
];
const DEMO_BRIEF_TITLE = "How big was OpenAI’s 2026 funding round?";

type ManifestEntry = { file: string; title: string; outlet: string | null; author: string | null; url: string | null; publishedAt: string | null };

function expect<T>(result: { ok: true; data: T } | { ok: false; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.message}`);
  return result.data;
}

export async function seedDemo(opts: { articlesDir: string; shareLinkFile: string | null; baseUrl: string; log: (line: string) => void }) {
  const { log } = opts;
  const actors = {} as Record<Role, Actor>;
  const created: typeof demoUsers = [];
  for (const u of demoUsers) {
    let user = await db.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (!user) {
      user = await db.user.create({ data: { email: u.email, name: u.name, passwordHash: await hashPassword(u.password) }, select: { id: true } });
      created.push(u);
    }
    actors[u.role] = { userId: user.id };
  }

  const workspace = await db.workspace.upsert({
    where: { slug: DEMO_WORKSPACE_SLUG },
    create: { slug: DEMO_WORKSPACE_SLUG, name: "Demo: OpenAI’s 2026 funding round" },
    update: {},
    select: { id: true },
  });
  for (const u of demoUsers) {
    await db.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: actors[u.role].userId } },
      create: { workspaceId: workspace.id, userId: actors[u.role].userId, role: u.role },
      update: {},
    });
  }

  const manifest = JSON.parse(fs.readFileSync(path.join(opts.articlesDir, "manifest.json"), "utf8")) as ManifestEntry[];
  let imported = 0;
  for (const entry of manifest) {
    const text = fs.readFileSync(path.join(opts.articlesDir, entry.file), "utf8");
    const result = await importArticle(actors.researcher, { workspaceId: workspace.id, ...entry, outlet: entry.outlet ?? "", author: entry.author ?? "", url: entry.url ?? "", publishedAt: entry.publishedAt ?? "", text, sourceKind: "seed" });
    if (result.ok) imported++;
    else if (result.code !== "conflict") throw new Error(`Seed article ${entry.file}: ${result.message}`);
  }
  if (imported) log(`imported ${imported} demo article${imported === 1 ? "" : "s"}`);

  if (!(await db.brief.findFirst({ where: { workspaceId: workspace.id, title: DEMO_BRIEF_TITLE }, select: { id: true } }))) {
    await seedDemoBrief(workspace.id, actors, log);
  }
  const shareUrl = await ensureDemoShareLink(workspace.id, actors.editor, opts);
  return { created, shareUrl };
}

/** Confirms the round-size claims the extractor found, resolves them, publishes a brief. */
async function seedDemoBrief(workspaceId: string, actors: Record<Role, Actor>, log: (line: string) => void) {
  const suggestions = await db.claim.findMany({
    where: { workspaceId, attribute: "funding_round_size", status: "suggested" },
    orderBy: [{ articleId: "asc" }, { start: "asc" }],
    select: { id: true, version: true, articleId: true, subjectKey: true },
  });
  // The subject most articles report a round size for; one claim (the first) per article.
  const bySubject = new Map<string, Map<string, (typeof suggestions)[number]>>();
  for (const s of suggestions) {
    const perArticle = bySubject.get(s.subjectKey) ?? new Map();
    if (!perArticle.has(s.articleId)) perArticle.set(s.articleId, s);
    bySubject.set(s.subjectKey, perArticle);
  }
  const chosen = [...bySubject.values()].sort((a, b) => b.size - a.size)[0];
  if (!chosen) return log("the extractor found no round sizes in the demo articles; no demo brief");
  for (const claim of chosen.values()) {
    expect(await decideClaim(actors.researcher, { workspaceId, claimId: claim.id, decision: "confirm", version: claim.version }), "confirm demo claim");
  }
  const fact = await db.fact.findFirstOrThrow({
    where: { workspaceId, claims: { some: { id: [...chosen.values()][0]!.id } } },
    select: { id: true, version: true, subject: true, claims: { where: { status: "confirmed" }, select: { id: true, value: true, low: true, high: true, unit: true, modality: true, article: { select: { publishedAt: true } } } } },
  });
  // Prefer the latest report of a completed round, else the latest report.
  const latest = [...fact.claims].sort(
    (a, b) => Number(b.modality === "completed") - Number(a.modality === "completed") || (b.article.publishedAt?.getTime() ?? 0) - (a.article.publishedAt?.getTime() ?? 0),
  )[0]!;
  expect(
    await resolveFact(actors.editor, {
      workspaceId, factId: fact.id, preferredClaimId: latest.id, version: fact.version,
      rationale: "The most recent report, of the round as completed, supersedes the earlier figures reported while it was in talks and when it was first announced.",
    }),
    "resolve demo fact",
  );
  const value = formatValue({ value: dec(latest.value), low: dec(latest.low), high: dec(latest.high), unit: latest.unit });
  const brief = expect(await createBrief(actors.editor, { workspaceId, title: DEMO_BRIEF_TITLE }), "create demo brief");
  const saved = expect(
    await saveBrief(actors.editor, {
      workspaceId, briefId: brief.briefId, title: DEMO_BRIEF_TITLE, version: 1,
      content: { sections: [{ id: "s1", heading: "The round", statements: [
        { id: "st1", text: `${fact.subject}’s funding round closed at ${value}.`, factIds: [fact.id] },
        { id: "st2", text: "Earlier reports gave smaller figures while the round was in talks and when it was first announced.", factIds: [fact.id] },
      ] }] },
    }),
    "save demo brief",
  );
  expect(await publishBrief(actors.editor, { workspaceId, briefId: brief.briefId, version: saved.version }), "publish demo brief");
  log(`published the demo brief “${DEMO_BRIEF_TITLE}”`);
}

/** Only a token's hash is stored, so the demo link's token is kept in a local git-ignored file. */
async function ensureDemoShareLink(workspaceId: string, editor: Actor, opts: { shareLinkFile: string | null; baseUrl: string }) {
  const brief = await db.brief.findFirst({ where: { workspaceId, title: DEMO_BRIEF_TITLE }, select: { id: true, latestVersionNumber: true } });
  if (!brief || brief.latestVersionNumber === 0) return null;
  const saved = opts.shareLinkFile && fs.existsSync(opts.shareLinkFile) ? fs.readFileSync(opts.shareLinkFile, "utf8").trim() : "";
  if (saved) {
    const link = await db.shareLink.findUnique({ where: { tokenHash: hashShareToken(saved) }, select: { revokedAt: true, briefId: true } });
    if (link && !link.revokedAt && link.briefId === brief.id) return `${opts.baseUrl}/b/${saved}`;
  }
  const created = expect(await createShareLink(editor, { workspaceId, briefId: brief.id }), "create demo share link");
  if (opts.shareLinkFile) fs.writeFileSync(opts.shareLinkFile, created.token + "\n", { mode: 0o600 });
  return `${opts.baseUrl}/b/${created.token}`;
}
