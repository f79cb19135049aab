import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/result";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
import { isUniqueViolation } from "@/lib/server/data/errors";
import { prepareSuggestions, storeArticle, type ArticleFields } from "@/lib/server/import/store-article";
import { resolveItemFields, type ImportItem } from "@/lib/server/import/resolve-item";
import { boss, IMPORT_ITEM_QUEUE } from "./boss";
import { prepareReextraction, reextractArticle } from "./reextract";

// A bulk or multi-file import is a Job with one JobItem per article. Each item is its own
// queue message and is written — article, suggestions and the item's outcome — in one
// transaction, so a worker killed mid-job leaves every item either done or untouched, and
// any worker can carry on. Items that failed up front (a malformed JSONL line, an unreadable
// file) are stored as failed with their reason, so the job shows them next to the rest.

export type NewImportItem = { position: number; input: ImportItem } | { position: number; error: string; label: string };

export async function createImportJob(target: { workspaceId: string; actorId: string; kind: string }, items: NewImportItem[]) {
  const failedUpFront = items.filter((i) => "error" in i).length;
  const job = await db.$transaction(async (tx) => {
    const created = await tx.job.create({
      data: {
        workspaceId: target.workspaceId, kind: target.kind, createdById: target.actorId, total: items.length, failed: failedUpFront,
        status: failedUpFront === items.length ? "failed" : "queued",
      },
      select: { id: true },
    });
    await tx.jobItem.createMany({
      data: items.map((item) =>
        "error" in item
          ? { jobId: created.id, position: item.position, status: "failed" as const, error: item.error, input: { label: item.label } }
          : { jobId: created.id, position: item.position, input: item.input as Prisma.InputJsonValue },
      ),
    });
    await audit.record(tx, { workspaceId: target.workspaceId, actorId: target.actorId, action: "import_job.created", targetType: "job", targetId: created.id, data: { kind: target.kind, items: items.length } });
    return created;
  });
  await enqueueQueuedItems(job.id);
  return job;
}

/** Sends a queue message for every still-queued item of a job. Safe to repeat: items are idempotent. */
export async function enqueueQueuedItems(jobId: string) {
  const queued = await db.jobItem.findMany({ where: { jobId, status: "queued" }, select: { id: true }, orderBy: { position: "asc" } });
  if (!queued.length) return 0;
  const client = await boss();
  for (let i = 0; i < queued.length; i += 500) {
    await client.insert(queued.slice(i, i + 500).map((item) => ({ name: IMPORT_ITEM_QUEUE, data: { itemId: item.id } })));
  }
  return queued.length;
}

/** At worker start: items of unfinished jobs that a killed process left behind are queued again. */
export async function recoverUnfinishedJobs() {
  const jobs = await db.job.findMany({ where: { status: { in: ["queued", "running"] } }, select: { id: true } });
  let requeued = 0;
  for (const job of jobs) requeued += await enqueueQueuedItems(job.id);
  return requeued;
}

/** Processes one item exactly once: a repeat delivery finds it done and does nothing. */
export async function processImportItem(itemId: string): Promise<"done" | "failed" | "skipped"> {
  try {
    return await processOnce(itemId);
  } catch (error) {
    // Two items with the same text in flight at once: the unique index stopped the second;
    // run it again and it finds the first and is recorded as a duplicate.
    if (isUniqueViolation(error)) return processOnce(itemId);
    throw error;
  }
}

async function processOnce(itemId: string): Promise<"done" | "failed" | "skipped"> {
  const item = await db.jobItem.findUnique({
    where: { id: itemId },
    select: { id: true, status: true, input: true, job: { select: { id: true, workspaceId: true, createdById: true, kind: true, status: true } } },
  });
  if (!item || item.status !== "queued") return "skipped";

  // Fetching a URL, parsing HTML and extracting happen outside the transaction; only writes are inside.
  const reextract = item.job.kind === "reextract";
  const fields = reextract ? null : await resolveItemFields(item.input as ImportItem);
  const articleId = reextract ? (item.input as { articleId: string }).articleId : null;
  const extracted = fields?.ok
    ? await prepareSuggestions(fields.data as ArticleFields)
    : articleId
    ? await prepareReextraction(item.job.workspaceId, articleId)
    : undefined;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "JobItem" WHERE id = ${item.id} FOR UPDATE`;
    if (locked[0]?.status !== "queued") return "skipped" as const;
    if (item.job.status === "queued") await tx.job.updateMany({ where: { id: item.job.id, status: "queued" }, data: { status: "running" } });

    const stored: Result<{ articleId: string }> = !fields
      ? await reextractArticle(tx, item.job.workspaceId, articleId!, extracted)
      : fields.ok
      ? await storeArticle({ workspaceId: item.job.workspaceId, actorId: item.job.createdById ?? "", sourceKind: item.job.kind }, fields.data as ArticleFields, tx, extracted ?? undefined)
      : fields;
    const outcome = stored.ok ? "done" : "failed";
    await tx.jobItem.update({
      where: { id: item.id },
      data: stored.ok ? { status: "succeeded", resultId: stored.data.articleId, error: null } : { status: "failed", error: stored.message, resultId: typeof stored.details?.articleId === "string" ? stored.details.articleId : null },
    });
    const job = await tx.job.update({
      where: { id: item.job.id },
      data: stored.ok ? { done: { increment: 1 } } : { failed: { increment: 1 } },
      select: { done: true, failed: true, total: true },
    });
    if (job.done + job.failed >= job.total) {
      await tx.job.update({ where: { id: item.job.id }, data: { status: job.done > 0 || job.total === 0 ? "succeeded" : "failed" } });
    }
    return outcome;
  });
}

/** Processes items with a few in flight at once: extraction on this core overlaps database waits. */
export async function processImportItems(itemIds: readonly string[], concurrency = Number(process.env.WORKER_CONCURRENCY || 4)) {
  let next = 0;
  const lane = async () => {
    while (next < itemIds.length) await processImportItem(itemIds[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, itemIds.length)) }, lane));
}

/** Failed items go back in the queue; the job counts them as pending again. */
export async function retryFailedItems(jobId: string, actorId: string, workspaceId: string): Promise<number> {
  const failed = await db.jobItem.findMany({ where: { jobId, status: "failed" }, select: { id: true, input: true } });
  // Items that failed before entering the queue (an unparseable line or file) have nothing to retry.
  const ids = failed.filter((item) => !isUpFrontFailure(item.input)).map((item) => item.id);
  if (!ids.length) return 0;
  const count = await db.$transaction(async (tx) => {
    const retried = await tx.jobItem.updateMany({ where: { id: { in: ids }, status: "failed" }, data: { status: "queued", error: null } });
    await tx.job.update({ where: { id: jobId }, data: { failed: { decrement: retried.count }, status: "queued" } });
    await audit.record(tx, { workspaceId, actorId, action: "import_job.retried", targetType: "job", targetId: jobId, data: { items: retried.count } });
    return retried.count;
  });
  await enqueueQueuedItems(jobId);
  return count;
}

export function isUpFrontFailure(input: unknown): boolean {
  return typeof input === "object" && input !== null && "label" in input && !("text" in input || "html" in input || "url" in input || "articleId" in input);
}
