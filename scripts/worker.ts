// A standalone background worker: `npm run worker` (DATABASE_URL must point at the app's
// database). Run as many as the load needs; each item is processed once.
import { stopBoss } from "@/lib/server/jobs/boss";
import { startWorker } from "@/lib/server/jobs/worker";

await startWorker();
console.log("[worker] taking import items off the queue");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void stopBoss().finally(() => process.exit(0));
  });
}
