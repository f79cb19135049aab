import "server-only";
import { readerTag } from "@/lib/briefs/cache-tags";
import { db } from "@/lib/server/db";
import { REVALIDATE_TAG_SQL } from "./reader-cache";

/**
 * Marks a brief's reader page as changed, for every app instance: the revision lives in
 * Postgres (CacheTag), and each instance compares it with the revision its cached copy was
 * rendered at before serving the copy. Call after the change has committed.
 */
export async function revalidateReader(briefId: string): Promise<void> {
  await db.$executeRawUnsafe(REVALIDATE_TAG_SQL, readerTag(briefId));
}
