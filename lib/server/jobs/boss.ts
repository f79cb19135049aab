import "server-only";
import PgBoss from "pg-boss";

// The background-job queue lives in the same Postgres (schema "pgboss"), so any number of
// app instances and workers share it. One started client per process.
export const IMPORT_ITEM_QUEUE = "import-item";
/** Once a day: forget the share-link viewers of past days. */
export const FORGET_SHARE_VIEWERS_QUEUE = "forget-share-viewers";

const cached = globalThis as unknown as { corroborateBoss?: Promise<PgBoss> };

export function boss(): Promise<PgBoss> {
  cached.corroborateBoss ??= (async () => {
    const client = new PgBoss({
      connectionString: process.env.DATABASE_URL,
      schema: "pgboss",
      max: 4,
      // A worker killed mid-item leaves that item "active"; it is retried after this long.
      // Items still queued are picked up at once by any live worker.
      expireInSeconds: Number(process.env.JOB_EXPIRE_SECONDS || 120),
      maintenanceIntervalSeconds: Number(process.env.JOB_MAINTENANCE_SECONDS || 30),
      retryLimit: 3,
      retryDelay: 2,
    });
    client.on("error", (error) => console.error("[jobs]", error));
    await client.start();
    for (const queue of [IMPORT_ITEM_QUEUE, FORGET_SHARE_VIEWERS_QUEUE]) await client.createQueue(queue).catch(() => {}); // exists already
    return client;
  })();
  return cached.corroborateBoss;
}

export async function stopBoss() {
  if (!cached.corroborateBoss) return;
  const client = await cached.corroborateBoss;
  cached.corroborateBoss = undefined;
  await client.stop({ graceful: true, wait: true, timeout: 10_000 } as PgBoss.StopOptions);
}
