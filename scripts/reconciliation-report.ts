// Prints what the Facts pages show for the seed articles once every suggestion is confirmed:
// each fact's values, suggested explanations, timeline, independent sources and checks.
// Used to write docs/reconciliation.md. Needs DATABASE_URL (it creates a scratch workspace).
//   DATABASE_URL=… node --conditions=react-server --import tsx scripts/reconciliation-report.ts
import fs from "node:fs";
import path from "node:path";
import { formatValue, humanize } from "@/lib/format";
import { describeAcceptedTimeline } from "@/lib/reconcile";
import { decideClaim } from "@/lib/server/commands/claims";
import { db } from "@/lib/server/db";
import { factAnalysis } from "@/lib/server/data/reconciliation";
import { storeArticle } from "@/lib/server/import/store-article";

const dir = path.resolve("prisma/seed/articles");
const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as { file: string; title: string; outlet: string | null; publishedAt: string | null }[];
const stamp = Date.now();
const user = await db.user.create({ data: { email: `report-${stamp}@report.test`, name: "Report" }, select: { id: true } });
const ws = await db.workspace.create({ data: { slug: `report-${stamp}`, name: "Report" }, select: { id: true } });
await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "owner" } });
for (const m of manifest) {
  const text = fs.readFileSync(path.join(dir, m.file), "utf8");
  await storeArticle({ workspaceId: ws.id, actorId: user.id, sourceKind: "seed" }, { title: m.title, outlet: m.outlet ?? m.file, author: null, url: null, publishedAt: m.publishedAt, text });
}
const suggestions = await db.claim.findMany({ where: { workspaceId: ws.id }, select: { id: true, version: true } });
for (const s of suggestions) await decideClaim({ userId: user.id }, { workspaceId: ws.id, claimId: s.id, decision: "confirm", version: s.version });

const facts = await db.fact.findMany({
  where: { workspaceId: ws.id },
  orderBy: [{ subject: "asc" }, { attribute: "asc" }, { qualifierKey: "asc" }],
  select: { id: true, subject: true, attribute: true, qualifierKey: true, state: true, unit: true, claims: { select: { value: true, low: true, high: true, unit: true, article: { select: { outlet: true } } } } },
});
for (const f of facts) {
  const a = await factAnalysis(ws.id, f.id);
  if (!a) continue;
  console.log(`\n### ${f.subject} · ${humanize(f.attribute)}${f.qualifierKey ? ` (${f.qualifierKey})` : ""} — ${f.state}`);
  console.log(`values: ${f.claims.map((c) => `${formatValue(c)} [${c.article.outlet}]`).join("; ")}`);
  for (const d of a.explanations.disagreements) console.log(`- ${d.suggestion.kind}: ${d.suggestion.sentence}`);
  console.log(`timeline: ${a.timeline.map((t) => `${t.date ?? "undated"} ${t.label}${t.stage ? ` (${t.stage})` : ""}`).join(" → ")}`);
  if (f.state === "conflicting") console.log(`values over time (the resolve form's starting rows): ${describeAcceptedTimeline(a.suggestedTimeline, f.unit)}`);
  console.log(`sources: ${a.sources.map((s) => `${s.label}: ${s.independentSources}`).join("; ")}`);
  for (const c of a.checks) console.log(`- check ${c.status}: ${c.message}`);
}
await db.workspace.delete({ where: { id: ws.id } });
await db.user.delete({ where: { id: user.id } });
await db.$disconnect();
