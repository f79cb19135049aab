// The launcher behind `npm start` and `npm run dev`:
//   1. the database: DATABASE_URL if set, else an embedded PostgreSQL in .data/postgres;
//   2. the committed migrations, applied with a plain `pg` runner (no Prisma engine needed);
//   3. the demo workspace, seeded idempotently;
//   4. Next.js: `start` builds when the sources changed since the last build, then serves it;
//      `dev` runs the dev server; `serve` serves an existing build (the e2e tests use it);
//      `seed` stops after step 3.
// Ctrl-C or SIGTERM stops Next.js, then Postgres. If npm is killed without forwarding the
// signal, the launcher notices it was orphaned and shuts down the same way.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, ensureDatabase, embeddedUrl } from "./lib/database.mjs";
import { applyMigrations } from "./lib/migrate.mjs";
import { buildIsCurrent, nextBuild } from "./lib/build.mjs";
import { APP_DB } from "./lib/settings.mjs";

const mode = process.argv[2] ?? "start";
if (!["start", "dev", "serve", "seed"].includes(mode)) {
  console.error(`usage: node scripts/launch.mjs start|dev|serve|seed (got ${mode})`);
  process.exit(2);
}
if (fs.existsSync(".env")) process.loadEnvFile(".env");

const log = (line) => console.log(`[corroborate] ${line}`);
const port = Number(process.env.PORT || 3000);
const children = new Set();
let stopDatabase = async () => {};
let shuttingDown = false;

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) child.kill("SIGTERM");
  await Promise.all([...children].map((child) => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => { child.kill("SIGKILL"); resolve(); }, 10_000);
    child.once("exit", () => { clearTimeout(timer); resolve(); });
  })));
  try {
    await stopDatabase();
  } catch (error) {
    console.error("[corroborate] stopping PostgreSQL failed:", error);
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void shutdown(0));
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) void shutdown(0); }, 1000).unref();

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    children.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (shuttingDown) return;
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}

function secret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  // Local runs keep a generated secret so sessions survive restarts; several instances must
  // share one, set in NEXTAUTH_SECRET (see .env.example).
  const file = path.resolve(".data/nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const server = await startEmbeddedPostgres({ dir: APP_DB.dir, port: APP_DB.port, log });
    stopDatabase = async () => {
      if (!server.reused) log("stopping PostgreSQL");
      await server.stop();
    };
    databaseUrl = await ensureDatabase(embeddedUrl(APP_DB.port, "postgres"), APP_DB.database);
    log(`PostgreSQL ${server.reused ? "(already running)" : "started"} on 127.0.0.1:${APP_DB.port}, data in ${APP_DB.dir}`);
  } else {
    log("using the database in DATABASE_URL");
  }
  const applied = await applyMigrations(databaseUrl);
  log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database schema is up to date");

  const baseUrl = process.env.PUBLIC_BASE_URL || `http://localhost:${port}`;
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || baseUrl,
    PUBLIC_BASE_URL: baseUrl,
    PORT: String(port),
  };

  if (process.env.SEED !== "0") {
    fs.mkdirSync(".data", { recursive: true });
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed/run.ts"], {
      ...env,
      DEMO_SHARE_LINK_FILE: process.env.DEMO_SHARE_LINK_FILE || path.resolve(".data/demo-share-link"),
    });
  }
  if (mode === "seed") return shutdown(0);

  const next = path.resolve("node_modules/next/dist/bin/next");
  if (mode === "start") {
    if (!buildIsCurrent()) {
      log("building the production app (first start, or the sources changed)…");
      await nextBuild(env, (child) => {
        children.add(child);
        child.on("exit", () => children.delete(child));
      });
    }
  }
  // Production runs Next.js inside scripts/server.ts, which answers cached reader pages first.
  const server = mode === "dev"
    ? run(process.execPath, [next, "dev", "-p", String(port)], env)
    : run(process.execPath, ["--import", "tsx", "scripts/server.ts"], { ...env, NODE_ENV: "production" });
  announceWhenReady(baseUrl);
  await server;
  await shutdown(0);
}

async function announceWhenReady(baseUrl) {
  for (let i = 0; i < 600 && !shuttingDown; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/login`);
      if (res.ok) {
        log(`Corroborate is ready at ${baseUrl} — sign in with a demo account listed in README.md`);
        const tokenFile = process.env.DEMO_SHARE_LINK_FILE || path.resolve(".data/demo-share-link");
        if (fs.existsSync(tokenFile)) log(`the published demo brief, as a reader sees it: ${baseUrl}/b/${fs.readFileSync(tokenFile, "utf8").trim()}`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

main().catch(async (error) => {
  console.error(`[corroborate] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
