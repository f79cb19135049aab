// bench/import: 1,000 articles of JSONL end to end — parse, normalize, extract, write — the
// path a bulk import takes (createImportJob, then every item processed as the worker does).
// Baseline in the same run: the same 1,000 texts written with one plain INSERT each.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { extractClaims } from "@/lib/extract";
import { parseJsonl } from "@/lib/import/jsonl";
import { normalizeText } from "@/lib/import/normalize";
import { db } from "@/lib/server/db";
import { stopBoss } from "@/lib/server/jobs/boss";
import { createImportJob, processImportItems } from "@/lib/server/jobs/import-job";

const COUNT = Number(process.env.BENCH_IMPORT_COUNT || 1000);
const seedsDir = path.resolve("prisma/seed/articles");
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).map((f) => fs.readFileSync(path.join(seedsDir, f), "utf8"));

// 1,000 distinct articles of realistic length: the seed texts, each varied by a numbered lede.
const lines = Array.from({ length: COUNT }, (_, i) =>
  JSON.stringify({
    title: `Bench article ${i + 1}`,
    outlet: `Outlet ${i % 17}`,
    publishedAt: `2026-0${1 + (i % 9)}-1${i % 10}`,
    text: `Company${i} Holdings raised $${(i % 500) + 1} million on March ${1 + (i % 28)}, 2026.\n\n${seeds[i % seeds.length]}`,
  }),
);
const jsonl = lines.join("\n");
const megabytes = Buffer.byteLength(jsonl) / 1e6;

const owner = await db.user.create({ data: { email: `bench-${Date.now()}@bench.test`, name: "Bench" }, select: { id: true } });
const ws = await db.workspace.create({ data: { slug: `bench-${Date.now()}`, name: "Bench" }, select: { id: true } });
await db.membership.create({ data: { workspaceId: ws.id, userId: owner.id, role: "owner" } });

// Baseline: plain inserts of the same normalized texts, no parsing, no extraction.
const baseWs = await db.workspace.create({ data: { slug: `bench-base-${Date.now()}`, name: "Bench baseline" }, select: { id: true } });
const texts = lines.map((l) => normalizeText((JSON.parse(l) as { text: string }).text));
let t0 = performance.now();
for (const [i, text] of texts.entries()) {
  await db.article.create({ data: { workspaceId: baseWs.id, title: `Baseline ${i}`, text, textHash: `base-${i}` } });
}
const baselineMs = performance.now() - t0;

// Extraction alone over the same texts, to report its share.
t0 = performance.now();
let suggestions = 0;
for (const text of texts) suggestions += extractClaims(text, { publishedAt: null }).length;
const extractMs = performance.now() - t0;

// The product's path.
t0 = performance.now();
const parsed = parseJsonl(jsonl);
const job = await createImportJob(
  { workspaceId: ws.id, actorId: owner.id, kind: "bulk" },
  parsed.items.map(({ line, item }) => ({ position: line, input: { label: `line ${line}`, ...item } })),
);
const items = await db.jobItem.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" }, select: { id: true } });
await processImportItems(items.map((item) => item.id));
const totalMs = performance.now() - t0;
const state = await db.job.findUniqueOrThrow({ where: { id: job.id }, select: { done: true, failed: true } });
await stopBoss();
await db.$disconnect();

if (state.done !== COUNT) {
  console.error(`expected ${COUNT} imported, got ${state.done} (failed ${state.failed})`);
  process.exit(1);
}
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`imported ${COUNT} articles (${megabytes.toFixed(1)} MB JSONL, ${suggestions} suggestions) in ${s(totalMs)}`);
console.log("\n---report---\n" + `## import

${COUNT} articles of JSONL (${megabytes.toFixed(1)} MB, ${suggestions} suggested claims) imported end to end on one process as the worker does it (four items in flight): parse, normalize, extract, and write each article with its suggestions in its own transaction.

| measure | time | ratio to baseline |
| --- | --- | --- |
| baseline: one plain INSERT per article, same texts | ${s(baselineMs)} | 1.00× |
| extraction alone | ${s(extractMs)} | ${(extractMs / baselineMs).toFixed(2)}× |
| full import (target under 60 s) | ${s(totalMs)} | ${(totalMs / baselineMs).toFixed(2)}× |

Extraction is ${((extractMs / totalMs) * 100).toFixed(0)}% of the full import's time. ${totalMs < 60_000 ? "Within" : "**Over**"} the 60 s target.
`);
