import "server-only";
import { boss, IMPORT_ITEM_QUEUE } from "./boss";
import { processImportItems, recoverUnfinishedJobs } from "./import-job";

let started: Promise<void> | null = null;

/** Starts taking import items off the queue in this process (idempotent). */
export function startWorker(): Promise<void> {
  started ??= (async () => {
    const client = await boss();
    const requeued = await recoverUnfinishedJobs();
    if (requeued) console.log(`[jobs] re-queued ${requeued} import item(s) left by a stopped process`);
    await client.work<{ itemId: string }>(IMPORT_ITEM_QUEUE, { batchSize: 25, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      // Each item is one transaction; a repeat delivery is skipped.
      await processImportItems(jobs.map((job) => job.data.itemId));
    });
  })();
  return started;
}
