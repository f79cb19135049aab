// `npm run bench`: runs every benchmark against a fresh database on the test cluster (or
// TEST_DATABASE_URL) and rewrites docs/benchmarks.md with the results. Each benchmark
// measures its own baseline in the same run and reports ratios, so machines compare.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { startEmbeddedPostgres, ensureDatabase, embeddedUrl } from "../scripts/lib/database.mjs";
import { applyMigrations } from "../scripts/lib/migrate.mjs";
import { TEST_DB } from "../scripts/lib/settings.mjs";

const benches = (process.argv[2] ? [process.argv[2]] : fs.readdirSync("bench").filter((f) => f.endsWith(".bench.ts")).map((f) => f.replace(".bench.ts", ""))).sort();
let stop = async () => {};
let server = process.env.TEST_DATABASE_URL;
if (!server) {
  const pg = await startEmbeddedPostgres({ dir: TEST_DB.dir, port: TEST_DB.port, log: (l) => console.log(`[bench] ${l}`) });
  stop = pg.stop;
  server = embeddedUrl(TEST_DB.port, "postgres");
}
const url = await ensureDatabase(server, "corroborate_bench", { recreate: true });
await applyMigrations(url);

const sections = [];
let failed = false;
for (const name of benches) {
  console.log(`[bench] ${name}`);
  const out = await new Promise((resolve) => {
    let stdout = "";
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", `bench/${name}.bench.ts`], {
      env: { ...process.env, DATABASE_URL: url, RUN_WORKER: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.on("data", (d) => { stdout += d; process.stdout.write(d); });
    child.on("exit", (code) => resolve({ code, stdout }));
  });
  if (out.code !== 0) failed = true;
  const report = out.stdout.split("\n---report---\n")[1];
  if (report) sections.push(report.trim());
}
await stop();

if (sections.length) {
  const header = `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}, ${(await import("node:os")).cpus().length} cores). Each benchmark measures its baseline in the same run; compare the ratios, not the absolute times, across machines.\n`;
  const existing = fs.existsSync("docs/benchmarks.md") ? fs.readFileSync("docs/benchmarks.md", "utf8") : "";
  // Keep sections of benchmarks that did not run this time.
  const kept = existing.split(/\n(?=## )/).slice(1).filter((s) => !sections.some((n) => n.split("\n")[0] === s.split("\n")[0]));
  fs.mkdirSync("docs", { recursive: true });
  fs.writeFileSync("docs/benchmarks.md", [header, ...[...sections, ...kept].sort()].join("\n") + "\n");
  console.log("[bench] wrote docs/benchmarks.md");
}
process.exit(failed ? 1 : 0);
