// `npm test`: every layer, in order of cost, stopping at the first failure.
//   node scripts/test.mjs            type-check, lint, unit, drift check, integration, end-to-end
//   node scripts/test.mjs unit|int|drift|e2e   one layer (database layers prepare their database)
//   node scripts/test.mjs int -- lib/server/commands/briefs.int.test.ts   extra arguments go to
//     vitest or Playwright; TEST_DB_SUFFIX=x gives this run databases of its own (corroborate_int_x)
// Database layers use a separate embedded cluster in .data/test-postgres (or the server in
// TEST_DATABASE_URL) with fresh databases each run, never the demo workspace's database.
import { spawn } from "node:child_process";
import { startEmbeddedPostgres, ensureDatabase, embeddedUrl } from "./lib/database.mjs";
import { applyMigrations } from "./lib/migrate.mjs";
import { buildIsCurrent, nextBuild } from "./lib/build.mjs";
import { schemaEngineEnv } from "./prisma-dev.mjs";
import { TEST_DB } from "./lib/settings.mjs";

const only = process.argv[2];
const dashes = process.argv.indexOf("--");
const extra = dashes > 0 ? process.argv.slice(dashes + 1) : [];
const suffix = process.env.TEST_DB_SUFFIX ? `_${process.env.TEST_DB_SUFFIX.replace(/[^a-z0-9]/gi, "").toLowerCase()}` : "";
const layers = only ? [only] : ["typecheck", "lint", "unit", "drift", "int", "e2e"];
const known = ["typecheck", "lint", "unit", "drift", "int", "e2e"];
if (!layers.every((l) => known.includes(l))) {
  console.error(`usage: node scripts/test.mjs [${known.join("|")}]`);
  process.exit(2);
}

const children = new Set();
let stopDatabase = async () => {};
const say = (line) => console.log(`\n\u001b[1m[test] ${line}\u001b[0m`);

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    children.add(child);
    child.on("exit", (code) => {
      children.delete(child);
      resolve(code ?? 1);
    });
  });
}

async function finish(code) {
  for (const child of children) child.kill("SIGTERM");
  await stopDatabase().catch(() => {});
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void finish(130));

function assertLocal(url) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host) && process.env.TEST_ALLOW_REMOTE_DATABASE !== "1") {
    throw new Error(`The test suite drops and recreates databases; refusing to do that on ${host}. Set TEST_ALLOW_REMOTE_DATABASE=1 if you mean it.`);
  }
}

let server = null;
async function testServer() {
  if (server) return server;
  if (process.env.TEST_DATABASE_URL) {
    server = process.env.TEST_DATABASE_URL;
  } else {
    const pg = await startEmbeddedPostgres({ dir: TEST_DB.dir, port: TEST_DB.port, log: (l) => console.log(`[test] ${l}`) });
    stopDatabase = pg.stop;
    server = embeddedUrl(TEST_DB.port, "postgres");
  }
  assertLocal(server);
  return server;
}

async function freshDatabase(name) {
  const url = await ensureDatabase(await testServer(), name, { recreate: true });
  await applyMigrations(url);
  return url;
}

const steps = {
  typecheck: () => run("npx", ["tsc", "--noEmit"]),
  lint: () => run("npx", ["eslint", "--max-warnings=0", "."]),
  unit: () => run("npx", ["vitest", "run", "--project", "unit", ...extra]),
  // Fails when prisma/schema.prisma and the committed migrations have drifted apart.
  drift: async () => {
    const url = await ensureDatabase(await testServer(), `corroborate_drift${suffix}`, { recreate: true });
    const code = await run("npx", ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"], {
      DATABASE_URL: url,
      ...schemaEngineEnv(),
    });
    if (code === 2) console.error("[test] prisma/schema.prisma differs from prisma/migrations: run `npm run db:migrate -- --name <change>`.");
    return code;
  },
  int: async () => run("npx", ["vitest", "run", "--project", "int", "--no-file-parallelism", ...extra], { DATABASE_URL: await freshDatabase(`corroborate_int${suffix}`) }),
  e2e: async () => {
    const url = await freshDatabase(`corroborate_e2e${suffix}`);
    if (buildIsCurrent()) say("the production build is current");
    else {
      say("next build");
      await nextBuild();
    }
    return run("npx", ["playwright", "test", ...extra], { E2E_DATABASE_URL: url });
  },
};

const started = Date.now();
try {
  for (const layer of layers) {
    say(layer);
    const t0 = Date.now();
    const code = await steps[layer]();
    if (code !== 0) {
      say(`${layer} failed (exit ${code})`);
      await finish(code || 1);
    }
    console.log(`[test] ${layer} passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  say(`all passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await finish(0);
} catch (error) {
  console.error(`[test] ${error instanceof Error ? error.message : String(error)}`);
  await finish(1);
}
