import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobProgress } from "@/components/imports/job-progress";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { jobs } from "@/lib/server/data/jobs";

export const metadata: Metadata = { title: "Import progress" };

function itemLabel(input: unknown, position: number): string {
  if (typeof input === "object" && input !== null) {
    const o = input as Record<string, unknown>;
    for (const key of ["label", "title", "url"]) if (typeof o[key] === "string" && o[key]) return o[key] as string;
  }
  return `item ${position}`;
}

export default async function ImportJobPage({ params }: { params: Promise<{ slug: string; jobId: string }> }) {
  const { slug, jobId } = await params;
  const { workspace } = await requireWorkspace(slug);
  const job = await jobs.get(workspace.id, jobId);
  if (!job) notFound();
  return (
    <div className="max-w-3xl space-y-4">
      <Link href={`/w/${slug}`} className="text-sm text-sky-700 underline">← Articles</Link>
      <h1 className="text-xl font-semibold">{{ files: "File import", bulk: "Bulk import", reextract: "Re-running extraction" }[job.kind] ?? "Background job"}</h1>
      <JobProgress
        workspaceId={workspace.id}
        slug={slug}
        job={{ id: job.id, status: job.status, total: job.total, done: job.done, failed: job.failed }}
        failures={job.items.map((i) => ({ id: i.id, position: i.position, label: itemLabel(i.input, i.position), error: i.error ?? "failed", duplicateOf: i.resultId }))}
        mayRetry={can(workspace.role, "articles.import")}
      />
    </div>
  );
}
