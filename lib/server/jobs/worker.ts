import "server-only";
import { shareLinks } from "@/lib/server/data/share-links";
import { boss, FORGET_SHARE_VIEWERS_QUEUE, IMPORT_ITEM_QUEUE } from "./boss";
import { processImportItems, recoverUnfinishedJobs } from "./import-job";

let started: Promise<void> | null = null;

/** Starts taking import items off the queue in this process (idempotent), and the daily jobs. */
export function startWorker(): Promise<void> {
  started ??= (async () => {
    const client = await boss();
    const requeued = await recoverUnfinishedJobs();
    if (requeued) console.log(`[jobs] re-queued ${requeued} import item(s) left by a stopped process`);
    await client.work<{ itemId: string }>(IMPORT_ITEM_QUEUE, { batchSize: 25, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      // Each item is one transaction; a repeat delivery is skipped.
      await processImportItems(jobs.map((job) => job.data.itemId));
    });
    await startDailyJobs();
  })();
  return started;
}

/**
 * Schedules and works the daily jobs. The schedule is stored in Postgres and pg-boss sends
 * each day's job once, however many instances run this.
 */
export async function startDailyJobs(): Promise<void> {
  const client = await boss();
  await client.schedule(FORGET_SHARE_VIEWERS_QUEUE, "5 0 * * *", undefined, { tz: "UTC" });
  await client.work(FORGET_SHARE_VIEWERS_QUEUE, async () => {
    const forgotten = await shareLinks.forgetPastViewers();
    if (forgotten) console.log(`[jobs] forgot ${forgotten} share-link viewer(s) of past days`);
  });
}
