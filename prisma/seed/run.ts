// Entry point the launcher runs after migrations: seeds the demo workspace and prints what a
// newcomer needs. Run with `node --conditions=react-server --import tsx prisma/seed/run.ts`.
import path from "node:path";
import { db } from "@/lib/server/db";
import { DEMO_PASSWORD_NOTE, DEMO_WORKSPACE_SLUG, seedDemo } from "./demo";

const baseUrl = process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const log = (line: string) => console.log(`[seed] ${line}`);

try {
  const { created, shareUrl } = await seedDemo({
    articlesDir: path.resolve("prisma/seed/articles"),
    shareLinkFile: process.env.DEMO_SHARE_LINK_FILE ?? null,
    baseUrl,
    log,
  });
  if (created.length) {
    log(`demo accounts (${DEMO_PASSWORD_NOTE}), workspace /w/${DEMO_WORKSPACE_SLUG}:`);
    for (const u of created) log(`  ${u.role.padEnd(10)} ${u.email}  password: ${u.password}`);
  }
  if (shareUrl) log(`demo brief share link: ${shareUrl}`);
} catch (error) {
  console.error(`[seed] failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
