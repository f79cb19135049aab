// bench/reader: requests per second on the public reader page /b/<token> at 50 connections
// on loopback, against a minimal Node HTTP server serving the same HTML as a static file,
// measured in the same run. Needs a production build (`next build`); seeds the demo brief.
// Both servers run in processes of their own, apart from autocannon's.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const PORT = Number(process.env.BENCH_READER_PORT || 3400);
const STATIC_PORT = PORT + 1;
const DURATION = Number(process.env.BENCH_READER_SECONDS || 10);
const tokenFile = path.join(os.tmpdir(), `corroborate-bench-link-${process.pid}`);

if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("bench/reader needs a production build: run `npm run build` first.");
  process.exit(1);
}

function startApp(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/launch.mjs", "serve"], {
      env: { ...process.env, PORT: String(PORT), RUN_WORKER: "0", DEMO_SHARE_LINK_FILE: tokenFile, NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdef" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout!.on("data", (d: Buffer) => {
      if (String(d).includes("Corroborate is ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`the app exited with ${code}`)));
  });
}

// The baseline: node:http sending the HTML from memory, as little as a server can do.
const STATIC_SERVER = `
const fs = require("node:fs"), http = require("node:http");
const html = fs.readFileSync(process.argv[1]);
http.createServer((_req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": html.length }); res.end(html); })
  .listen(Number(process.argv[2]), "127.0.0.1", () => console.log("listening"));`;
let staticServer: ChildProcess | undefined;

async function viewCount(token: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT "viewCount" FROM "ShareLink" WHERE "tokenHash" = encode(sha256($1::bytea), 'hex')`, [token]);
    return Number(rows[0]?.viewCount);
  } finally {
    await client.end();
  }
}

const run = (url: string) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url, connections: 50, duration: DURATION }, (error, result) => (error ? reject(error) : resolve(result))),
  );

const app = await startApp();
try {
  const token = fs.readFileSync(tokenFile, "utf8").trim();
  const url = `http://127.0.0.1:${PORT}/b/${token}`;
  const html = await (await fetch(url)).text();
  if (!html.includes("Sources")) throw new Error("the reader page did not render the demo brief");
  const htmlFile = `${tokenFile}.html`;
  fs.writeFileSync(htmlFile, html);
  staticServer = spawn(process.execPath, ["-e", STATIC_SERVER, htmlFile, String(STATIC_PORT)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => staticServer!.stdout!.once("data", () => resolve()));
  const before = await viewCount(token);
  await run(url); // warm-up: first renders compile and fill the cache
  const reader = await run(url);
  const baseline = await run(`http://127.0.0.1:${STATIC_PORT}/`);
  staticServer.kill("SIGTERM");
  const hit = (await fetch(url)).headers.get("x-reader-cache") === "hit";
  const counted = (await viewCount(token)) - before;
  const ratio = reader.requests.average / baseline.requests.average;
  const row = (name: string, r: autocannon.Result) =>
    `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx} |`;
  console.log(`reader ${Math.round(reader.requests.average)} req/s, static ${Math.round(baseline.requests.average)} req/s, ratio ${ratio.toFixed(2)}`);
  console.log("\n---report---\n" + `## reader

The public reader page of the demo brief (${(html.length / 1024).toFixed(0)} kB of HTML) under 50 concurrent connections for ${DURATION} s on loopback, after a warm-up run; baseline: a minimal Node HTTP server sending the same HTML from memory, in a process of its own, in the same run.

| server | req/s | p50 latency | p99 latency | non-2xx |
| --- | --- | --- | --- | --- |
${row("baseline: static HTML, node:http", baseline)}
${row("reader page: scripts/server.ts, Next.js behind the reader cache", reader)}

Ratio: **${ratio.toFixed(2)}×** of the static baseline (target ≥ 0.5×). Every request still checks in Postgres that the link is live and which revision of the brief is current (requests arriving together share one indexed query), so revoking, expiry and publishing apply at once on every instance; a hit then sends the HTML rendered at that revision without asking Next.js. Views are counted by the page's beacon from the browser, which autocannon does not run: ${counted} views counted during the runs, ${hit ? "and the last request was a cache hit" : "and the last request was NOT a cache hit"}.

Why the cache sits in front of Next.js: on this machine a request through Next.js 16's own server costs about a millisecond of CPU before any page code runs, so even a page served from Next's full-route cache (ISR hit), a route handler returning a constant string, or a proxy (middleware) answering directly reached only about 0.12–0.15× of this baseline.
`);
} finally {
  staticServer?.kill("SIGTERM");
  app.kill("SIGTERM");
  fs.rmSync(tokenFile, { force: true });
  fs.rmSync(`${tokenFile}.html`, { force: true });
}
