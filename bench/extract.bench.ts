// bench/extract: throughput of the rule-based extractor on one core, over at least 5 MB of
// article text, with two baselines measured in the same run:
//   - the ceiling: a plain regular-expression scan for dollar amounts over the same text
//     (what any extractor must at least read);
//   - Microsoft Recognizers-Text (currency, number and date-time recognizers), timed once on
//     the five seed articles because it is very slow on long texts.
// No database. Prints a markdown section after a `---report---` line for docs/benchmarks.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import * as Recognizers from "@microsoft/recognizers-text-suite";
import { build } from "esbuild";
import { EXTRACTOR, extractClaims as extractUnderTsx } from "@/lib/extract";

// The extractor compiled as a production build compiles it (one bundle, no dev-loader
// wrappers): tsx's transform keeps function names by wrapping every closure, which costs a
// large share of the time and is not what the app runs.
const bundlePath = path.join(os.tmpdir(), `corroborate-extract-bench-${process.pid}.mjs`);
await build({ entryPoints: ["lib/extract/index.ts"], bundle: true, platform: "node", format: "esm", outfile: bundlePath, logLevel: "silent" });
const { extractClaims } = (await import(pathToFileURL(bundlePath).href)) as typeof import("@/lib/extract");
fs.rmSync(bundlePath, { force: true });

const TARGET_BYTES = Number(process.env.BENCH_EXTRACT_BYTES || 5_000_000);
const seedsDir = path.resolve("prisma/seed/articles");
const seeds = fs
  .readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => fs.readFileSync(path.join(seedsDir, f), "utf8"));

// Distinct articles of realistic length: the seeds, each varied by a numbered lede.
const articles: string[] = [];
let bytes = 0;
for (let i = 0; bytes < TARGET_BYTES; i++) {
  const text = `Company${i} Holdings raised $${(i % 500) + 1} million on March ${1 + (i % 28)}, 2026.\n\n${seeds[i % seeds.length]}`;
  articles.push(text);
  bytes += Buffer.byteLength(text);
}
const mb = bytes / 1e6;
const seedBytes = seeds.reduce((n, t) => n + Buffer.byteLength(t), 0);

type Timing = { wallMs: number; cpuMs: number };
function timed(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}
const rate = (megabytes: number, ms: number): number => megabytes / (ms / 1000);

// The first pass over the corpus runs while V8 is still compiling the extractor (its
// optimising compiler works on background threads, whose CPU time counts here): it is timed
// and reported on its own. So is the second: V8 is still optimising then (its CPU time ran
// 8–12% above its wall time here, against 2–6% in the passes after it). Then come three
// measured passes, each in ten rounds of about 0.5 MB. The headline is the median pass: the
// steady rate a long-running worker sees, which one pass slowed by the host (this benchmark
// shares its cores with whatever else runs) does not decide. The slowest and fastest passes
// and the median and best rounds show what the machine's load took away.
let suggestions = 0;
const firstPass = timed(() => {
  for (const text of articles) extractClaims(text, { publishedAt: null });
});
const secondPass = timed(() => {
  for (const text of articles) extractClaims(text, { publishedAt: null });
});
const ROUNDS = 10;
const MEASURED_PASSES = 3;
const roundRates: number[] = [];
const measuredPasses: Timing[] = [];
for (let p = 0; p < MEASURED_PASSES; p++) {
  let passSuggestions = 0;
  measuredPasses.push(
    timed(() => {
      const per = Math.ceil(articles.length / ROUNDS);
      for (let r = 0; r < ROUNDS; r++) {
        const slice = articles.slice(r * per, (r + 1) * per);
        const roundBytes = slice.reduce((n, t) => n + Buffer.byteLength(t), 0);
        const t = timed(() => {
          for (const text of slice) passSuggestions += extractClaims(text, { publishedAt: null }).length;
        });
        if (roundBytes) roundRates.push(rate(roundBytes / 1e6, t.cpuMs));
      }
    }),
  );
  suggestions = passSuggestions;
}
measuredPasses.sort((a, b) => a.cpuMs - b.cpuMs);
const ours = measuredPasses[Math.floor(MEASURED_PASSES / 2)]!;
const fastestPass = measuredPasses[0]!;
const slowestPass = measuredPasses[MEASURED_PASSES - 1]!;
roundRates.sort((a, b) => a - b);
const medianRound = roundRates[Math.floor(roundRates.length / 2)] ?? 0;
const bestRound = roundRates[roundRates.length - 1] ?? 0;

for (const t of articles) extractUnderTsx(t, { publishedAt: null });
const underTsx = timed(() => {
  for (const t of articles) extractUnderTsx(t, { publishedAt: null });
});

// Machine calibration: one JavaScript pass over every character, to compare machines.
let checksum = 0;
const charLoop = timed(() => {
  for (const t of articles) for (let i = 0; i < t.length; i++) checksum = (checksum + t.charCodeAt(i)) | 0;
});

const DOLLARS = /\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:trillion|billion|million|bn|mn|[kmbt]))?/gi;
let regexHits = 0;
const regex = timed(() => {
  for (const t of articles) {
    DOLLARS.lastIndex = 0;
    while (DOLLARS.exec(t)) regexHits++;
  }
});

// Ours on the same five seeds, for a like-for-like ratio; measured before Recognizers-Text,
// after whose minute of work V8 had dropped the extractor's compiled code (the row halved).
const oursSeeds = timed(() => {
  for (const t of seeds) extractClaims(t, { publishedAt: null });
});

// Recognizers-Text: each recognizer over each seed, once.
const culture = Recognizers.Culture.English;
const recognizers = [
  ["currency", (t: string) => Recognizers.recognizeCurrency(t, culture)],
  ["number", (t: string) => Recognizers.recognizeNumber(t, culture)],
  ["date-time", (t: string) => Recognizers.recognizeDateTime(t, culture)],
] as const;
const rt: Array<{ name: string; timing: Timing; found: number }> = [];
for (const [name, recognize] of recognizers) {
  let found = 0;
  console.log(`[extract] Recognizers-Text ${name} on the five seeds ...`);
  const timing = timed(() => {
    for (const t of seeds) found += recognize(t).length;
  });
  rt.push({ name, timing, found });
}
const rtTotal = rt.reduce((n, r) => n + r.timing.cpuMs, 0);


const f2 = (x: number): string => x.toFixed(2);
const pct = (t: Timing): string => `${Math.round((t.cpuMs / t.wallMs - 1) * 100)}%`;
const s = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const oursRate = rate(mb, ours.cpuMs);
console.log(
  `extracted ${articles.length} articles (${mb.toFixed(1)} MB, ${suggestions} suggestions): ${f2(oursRate)} MB/s on one core (cpu), ${f2(rate(mb, ours.wallMs))} MB/s wall`,
);
console.log("\n---report---\n" + `## extract

The rule-based extractor (\`lib/extract\`, ${EXTRACTOR.name} ${EXTRACTOR.version}) over ${articles.length} articles (${mb.toFixed(1)} MB: the five seed articles, each varied by a numbered lede; ${suggestions} suggestions), one article at a time on one core, after two passes over the same corpus that let V8 compile and optimise the extractor (both reported on their own); the headline is the median of three measured passes. MB/s is measured on the process's CPU time (user + system), which is what one core delivers whatever else the machine is running; wall-clock figures are in brackets. Baselines in the same run: a plain regular-expression scan for dollar amounts over the same text (the ceiling: reading the text once), and Microsoft Recognizers-Text (\`@microsoft/recognizers-text-suite\`, English) timed once on the five seeds (${(seedBytes / 1e3).toFixed(1)} kB) because it is very slow on long texts.

| extractor | text | time (cpu) | MB/s (cpu) | ratio to ours |
| --- | --- | --- | --- | --- |
| ours: \`extractClaims\`, bundled as in a production build (median of ${MEASURED_PASSES} passes) | ${mb.toFixed(1)} MB | ${s(ours.cpuMs)} (${s(ours.wallMs)} wall) | ${f2(oursRate)} (${f2(rate(mb, ours.wallMs))}) | 1.00× |
| ours, first pass after start (includes JIT compilation) | ${mb.toFixed(1)} MB | ${s(firstPass.cpuMs)} (${s(firstPass.wallMs)} wall) | ${f2(rate(mb, firstPass.cpuMs))} (${f2(rate(mb, firstPass.wallMs))}) | ${f2(rate(mb, firstPass.cpuMs) / oursRate)}× |
| ours, second pass (V8 still optimising in the background: CPU ${pct(secondPass)} above wall, against ${pct(ours)} in the measured pass) | ${mb.toFixed(1)} MB | ${s(secondPass.cpuMs)} (${s(secondPass.wallMs)} wall) | ${f2(rate(mb, secondPass.cpuMs))} (${f2(rate(mb, secondPass.wallMs))}) | ${f2(rate(mb, secondPass.cpuMs) / oursRate)}× |
| ours, slowest / fastest of the ${MEASURED_PASSES} measured passes | ${mb.toFixed(1)} MB | ${s(slowestPass.cpuMs)} / ${s(fastestPass.cpuMs)} | ${f2(rate(mb, slowestPass.cpuMs))} / ${f2(rate(mb, fastestPass.cpuMs))} | ${f2(rate(mb, slowestPass.cpuMs) / oursRate)}× / ${f2(rate(mb, fastestPass.cpuMs) / oursRate)}× |
| ours, median / best of their ${roundRates.length} rounds of ${(mb / ROUNDS).toFixed(1)} MB | — | — | ${f2(medianRound)} / ${f2(bestRound)} | — |
| ours under the tsx dev loader | ${mb.toFixed(1)} MB | ${s(underTsx.cpuMs)} | ${f2(rate(mb, underTsx.cpuMs))} | ${f2(rate(mb, underTsx.cpuMs) / oursRate)}× |
| calibration: one JS pass over every character | ${mb.toFixed(1)} MB | ${s(charLoop.cpuMs)} | ${f2(rate(mb, charLoop.cpuMs))} | ${f2(rate(mb, charLoop.cpuMs) / oursRate)}× faster |
| ceiling: regex scan for dollar amounts (${regexHits} hits) | ${mb.toFixed(1)} MB | ${s(regex.cpuMs)} | ${f2(rate(mb, regex.cpuMs))} | ${f2(rate(mb, regex.cpuMs) / oursRate)}× faster |
| ours on the five seeds | ${(seedBytes / 1e6).toFixed(3)} MB | ${s(oursSeeds.cpuMs)} | ${f2(rate(seedBytes / 1e6, oursSeeds.cpuMs))} | — |
${rt
  .map(
    (r) =>
      `| Recognizers-Text ${r.name} (${r.found} found) | ${(seedBytes / 1e6).toFixed(3)} MB | ${s(r.timing.cpuMs)} | ${rate(seedBytes / 1e6, r.timing.cpuMs).toFixed(4)} | ${f2(oursRate / rate(seedBytes / 1e6, r.timing.cpuMs))}× slower |`,
  )
  .join("\n")}
| Recognizers-Text, all three | ${(seedBytes / 1e6).toFixed(3)} MB | ${s(rtTotal)} | ${rate(seedBytes / 1e6, rtTotal).toFixed(4)} | ${f2(oursRate / rate(seedBytes / 1e6, rtTotal))}× slower |

This machine reads ${f2(charLoop.cpuMs / mb)} ns per character in a plain JavaScript loop (checksum ${checksum & 0xff}); a typical developer machine does it in about 1 ns, so absolute MB/s here are several times lower than on such a machine, while the ratios carry over.

Target: at least 5 MB/s on one core. ${oursRate >= 5 ? "Met" : `**Not met** on this run (${f2(oursRate)} MB/s in the median pass, ${f2(rate(mb, fastestPass.cpuMs))} in the fastest, ${f2(bestRound)} in the least disturbed round); see docs/extraction.md, "Speed"`}. Ours runs at ${f2((oursRate / rate(mb, regex.cpuMs)) * 100)}% of the regex ceiling and ${f2(oursRate / rate(seedBytes / 1e6, rtTotal))}× the speed of the three Recognizers-Text recognizers together (which find spans only: no subject, attribute or qualifiers).
`);
