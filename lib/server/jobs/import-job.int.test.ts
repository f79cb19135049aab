import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/extract";
import { db } from "@/lib/server/db";
import { createWorkspace, uniq, type TestWorkspace } from "@/lib/server/testing/fixtures";
import { stopBoss } from "./boss";
import { createImportJob, processImportItem, retryFailedItems, type NewImportItem } from "./import-job";

const article = (n: number, tail: string) =>
  `Company${tail}${n} Holdings raised $${n + 1} million in a funding round on March 3, 2026. ` +
  `The company said revenue grew ${n % 90}% last year. `.repeat(3);

const items = (count: number, tail: string): NewImportItem[] =>
  Array.from({ length: count }, (_, i) => ({ position: i + 1, input: { title: `Item ${i + 1}`, outlet: "Bulk Wire", text: article(i, tail) } }));

async function jobState(jobId: string) {
  return db.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, done: true, failed: true, total: true } });
}

async function waitFor<T>(read: () => Promise<T>, until: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (until(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(async () => {
  await stopBoss();
});

describe("import jobs", () => {
  let ws: TestWorkspace;

  it("imports every item once, reports each failure with its reason, and retries failures", async () => {
    ws = await createWorkspace("jobs");
    const tail = uniq();
    const duplicateText = article(0, tail);
    const job = await createImportJob({ workspaceId: ws.id, actorId: ws.users.researcher.id, kind: "bulk" }, [
      ...items(3, tail),
      { position: 4, input: { title: "Same text again", text: ` ${duplicateText}\n` } },
      { position: 5, error: "Line 5: not valid JSON (Unexpected token).", label: "line 5" },
      { position: 6, input: { title: "Empty", text: "   " } },
    ]);
    const queued = await db.jobItem.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" }, select: { id: true } });
    for (const item of queued) await processImportItem(item.id);

    expect(await jobState(job.id)).toMatchObject({ status: "succeeded", done: 3, failed: 3, total: 6 });
    const outcomes = await db.jobItem.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" }, select: { status: true, error: true } });
    expect(outcomes.map((o) => o.status)).toEqual(["succeeded", "succeeded", "succeeded", "failed", "failed", "failed"]);
    expect(outcomes[3]!.error).toMatch(/already in the workspace as “Item 1”/);
    expect(outcomes[4]!.error).toBe("Line 5: not valid JSON (Unexpected token).");
    expect(outcomes[5]!.error).toMatch(/no text was found|empty/i);

    // A repeated delivery of a finished item changes nothing.
    expect(await processImportItem(queued[0]!.id)).toBe("skipped");
    expect(await db.article.count({ where: { workspaceId: ws.id } })).toBe(3);

    // Retry puts back the items that reached the queue; the unparseable line stays failed.
    expect(await retryFailedItems(job.id, ws.users.researcher.id, ws.id)).toBe(2);
    expect(await jobState(job.id)).toMatchObject({ status: "queued", failed: 1 });
  });

  let worker: ChildProcess | null = null;
  const startWorker = () => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, JOB_EXPIRE_SECONDS: "30" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    worker = child;
    return child;
  };
  afterEach(() => {
    worker?.kill("SIGKILL");
    worker = null;
  });

  it("resumes after the worker is killed mid-job, with no duplicate and no half-written article", async () => {
    ws = await createWorkspace("kill");
    const tail = uniq();
    const total = 120;
    const job = await createImportJob({ workspaceId: ws.id, actorId: ws.users.researcher.id, kind: "bulk" }, items(total, tail));
    await stopBoss(); // this test process only enqueues; the child processes do the work

    const first = startWorker();
    const partway = await waitFor(() => jobState(job.id), (s) => s.done >= 5, 30_000);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    expect(partway.done).toBeGreaterThanOrEqual(5);
    const afterKill = await jobState(job.id);
    expect(afterKill.done).toBeLessThan(total); // it really stopped mid-job

    startWorker();
    const finished = await waitFor(() => jobState(job.id), (s) => s.done + s.failed >= total, 60_000);
    expect(finished).toMatchObject({ status: "succeeded", done: total, failed: 0 });

    const stored = await db.article.findMany({ where: { workspaceId: ws.id }, select: { id: true, text: true, _count: { select: { claims: true } } } });
    expect(stored).toHaveLength(total);
    expect(new Set(stored.map((a) => a.text)).size).toBe(total);
    for (const a of stored) expect(a._count.claims).toBe(extractClaims(a.text, { publishedAt: null }).length);
    const outcomes = await db.jobItem.findMany({ where: { jobId: job.id }, select: { status: true, resultId: true } });
    expect(outcomes.every((i) => i.status === "succeeded" && stored.some((a) => a.id === i.resultId))).toBe(true);
  }, 120_000);
});
