// bench/reader: requests per second on the public reader page /b/<token> at 50 connections
// on loopback, against a minimal Node HTTP server serving the same HTML as a static file,
// measured in the same run. Needs a production build (`next build`); seeds the demo brief.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
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
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(STATIC_PORT, "127.0.0.1", r));
  await run(url); // warm-up: first renders compile and fill the cache
  const reader = await run(url);
  const baseline = await run(`http://127.0.0.1:${STATIC_PORT}/`);
  server.close();
  const ratio = reader.requests.average / baseline.requests.average;
  const row = (name: string, r: autocannon.Result) =>
    `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx} |`;
  console.log(`reader ${Math.round(reader.requests.average)} req/s, static ${Math.round(baseline.requests.average)} req/s, ratio ${ratio.toFixed(2)}`);
  console.log("\n---report---\n" + `## reader

The public reader page of the demo brief (${(html.length / 1024).toFixed(0)} kB of HTML) under 50 concurrent connections for ${DURATION} s on loopback, after a warm-up run; baseline: a minimal Node HTTP server sending the same HTML from memory, in the same run.

| server | req/s | p50 latency | p99 latency | non-2xx |
| --- | --- | --- | --- | --- |
${row("baseline: static HTML, node:http", baseline)}
${row("reader page, next start", reader)}

Ratio: **${ratio.toFixed(2)}×** of the static baseline (target ≥ 0.5×). Every request checks the token and counts the view in Postgres; the published version itself is served from the cache.
`);
} finally {
  app.kill("SIGTERM");
  fs.rmSync(tokenFile, { force: true });
}
