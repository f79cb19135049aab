// Runs once per server process. The Node.js server also works the background-job queue
// unless RUN_WORKER=0 (then run `npm run worker` processes instead); the queue lives in
// Postgres, so any mix of servers and workers shares it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.RUN_WORKER === "0") return;
  const { startWorker } = await import("@/lib/server/jobs/worker");
  await startWorker().catch((error) => console.error("[jobs] the worker did not start:", error));
}
