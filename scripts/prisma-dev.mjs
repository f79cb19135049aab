// Runs the Prisma CLI (`migrate dev`, `migrate diff`, …) against the embedded dev database,
// through the Wasm schema-engine shim when the native engine could not be downloaded.
//   npm run db:migrate -- --name add_claim_rank
//   npm run db:drift
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, ensureDatabase, embeddedUrl } from "./lib/database.mjs";
import { APP_DB } from "./lib/settings.mjs";

export function schemaEngineEnv() {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY && process.env.PRISMA_SCHEMA_ENGINE_BINARY !== "/bin/false") return {};
  const native = fs.existsSync("node_modules/@prisma/engines")
    ? fs.readdirSync("node_modules/@prisma/engines").find((f) => f.startsWith("schema-engine"))
    : undefined;
  if (native) return {};
  return { PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("scripts/prisma-schema-engine/schema-engine-shim.mjs") };
}

export function runPrisma(args, env) {
  return new Promise((resolve) => {
    const child = spawn("npx", ["prisma", ...args], { stdio: "inherit", env: { ...process.env, ...schemaEngineEnv(), ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let stop = async () => {};
  let url = process.env.DATABASE_URL;
  if (!url) {
    const server = await startEmbeddedPostgres({ dir: APP_DB.dir, port: APP_DB.port, log: console.error });
    stop = server.stop;
    url = await ensureDatabase(embeddedUrl(APP_DB.port, "postgres"), APP_DB.database);
  }
  const code = await runPrisma(process.argv.slice(2), { DATABASE_URL: url });
  await stop();
  process.exit(code);
}
