import "server-only";
import { readerTag } from "@/lib/briefs/cache-tags";
import { db } from "@/lib/server/db";
import { REVALIDATE_TAG_SQL } from "./reader-cache";

/** The database client or an open transaction: anything that can run one raw statement. */
type SqlClient = { $executeRawUnsafe: (query: string, ...values: unknown[]) => Promise<number> };

/**
 * Marks a brief's reader page as changed, for every app instance: the revision lives in
 * Postgres (CacheTag), and each instance compares it with the revision its cached copy was
 * rendered at before serving the copy. Pass the transaction that makes the change, so the new
 * revision commits with it or not at all: a change never lands without retiring the copies.
 */
export async function revalidateReader(briefId: string, client: SqlClient = db): Promise<void> {
  await client.$executeRawUnsafe(REVALIDATE_TAG_SQL, readerTag(briefId));
}
