import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { audit } from "@/lib/server/data/audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string }> }) {
  const { slug } = await params;
  const { after } = await searchParams;
  const { workspace } = await requireWorkspace(slug);
  if (!can(workspace.role, "audit.read")) return <Alert>Only owners can read the audit log.</Alert>;
  const page = await audit.list(workspace.id, after ?? null);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Audit log</h1>
      {page.events.length === 0 ? <EmptyState title="Nothing recorded yet." /> : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 bg-stone-50 text-stone-600">
              <tr><th className="px-4 py-2 font-medium">When (UTC)</th><th className="px-4 py-2 font-medium">Who</th><th className="px-4 py-2 font-medium">Action</th><th className="px-4 py-2 font-medium">Record</th></tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {page.events.map((e) => (
                <tr key={e.id} data-testid="audit-row">
                  <td className="whitespace-nowrap px-4 py-2">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td className="px-4 py-2">{e.actor ? `${e.actor.name} (${e.actor.email})` : "system"}</td>
                  <td className="px-4 py-2 font-mono">{e.action}</td>
                  <td className="px-4 py-2 font-mono text-xs">{e.targetType} {e.targetId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor ? <Link className="text-sm text-sky-700 underline" href={`/w/${slug}/audit?after=${page.nextCursor}`}>Older →</Link> : null}
    </div>
  );
}
