"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { retryImportJobAction } from "@/lib/server/actions/imports/retry-import-job";

type Job = { id: string; status: string; total: number; done: number; failed: number };
type Failure = { id: string; position: number; label: string; error: string; duplicateOf: string | null };

export function JobProgress({ workspaceId, slug, job, failures, mayRetry }: { workspaceId: string; slug: string; job: Job; failures: Failure[]; mayRetry: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const finished = job.done + job.failed >= job.total;

  // The job runs in a worker; refresh from the server until it is finished.
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [finished, router]);

  async function retry() {
    setError(null);
    const result = await retryImportJobAction({ workspaceId, jobId: job.id });
    if (!result.ok) return setError(result.message);
    router.refresh();
  }

  const percent = job.total ? Math.round(((job.done + job.failed) / job.total) * 100) : 100;
  return (
    <section className="space-y-4" aria-label="Import progress">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="job-progress" className="text-lg font-medium">{job.done + job.failed} of {job.total} processed</span>
        <Badge tone="green">{job.done} imported</Badge>
        {job.failed ? <Badge tone="red">{job.failed} failed</Badge> : null}
        <Badge tone={finished ? "blue" : "amber"}>{finished ? "finished" : "running"}</Badge>
      </div>
      <div className="h-2 w-full overflow-hidden rounded-full bg-stone-200" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label="Import progress">
        <div className="h-full bg-emerald-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {failures.length ? (
        <div className="space-y-2">
          <h2 className="font-semibold">Failures</h2>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm">
            {failures.map((f) => (
              <li key={f.id} className="px-4 py-2" data-testid="job-failure">
                <span className="font-medium">#{f.position} {f.label}</span>: {f.error}
                {f.duplicateOf ? <> <Link className="text-sky-700 underline" href={`/w/${slug}/articles/${f.duplicateOf}`}>open the existing article</Link></> : null}
              </li>
            ))}
          </ul>
          {mayRetry && finished ? <Button variant="secondary" onClick={() => void retry()}>Retry failed items</Button> : null}
        </div>
      ) : null}
      {finished && job.done ? <Link className="text-sky-700 underline" href={`/w/${slug}`}>See the imported articles</Link> : null}
    </section>
  );
}
