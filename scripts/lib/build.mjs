// `next build` only when what goes into it changed: `npm start` stays quick on a second run.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const STAMP = ".next/corroborate-fingerprint";
const INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "postcss.config.mjs", "package.json", "tsconfig.json"];

export function sourceFingerprint() {
  const hash = crypto.createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (name !== "node_modules" && !name.startsWith(".")) walk(path.join(p, name));
    } else if (/\.(tsx?|css|m?js|json|prisma|svg|png|ico)$/.test(p) && !/\.test\.tsx?$/.test(p)) {
      hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const p of INPUTS) walk(p);
  return hash.digest("hex");
}

export function buildIsCurrent() {
  return fs.existsSync(".next/BUILD_ID") && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === sourceFingerprint();
}

/** Runs `next build` as a child; `track` lets the caller stop it on Ctrl-C. */
export function nextBuild(env = {}, track = () => {}) {
  const fingerprint = sourceFingerprint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env: { ...process.env, ...env } });
    track(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code !== 0) return reject(new Error(`next build failed (${signal ?? code})`));
      fs.writeFileSync(STAMP, fingerprint);
      resolve();
    });
  });
}
