import type { Metadata } from "next";
import Link from "next/link";
import { FactStateBadge } from "@/components/facts/fact-state-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatValue, humanize } from "@/lib/format";
import { distinctValues } from "@/lib/reconcile/facts";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { dec, facts } from "@/lib/server/data/facts";
import { workspaceChecks } from "@/lib/server/data/reconciliation";
import { parseAcceptedTimeline } from "@/lib/validations/facts";
import { AcceptedTimeline } from "./accepted-timeline";

export const metadata: Metadata = { title: "Facts" };

export default async function FactsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  const [rows, checks] = await Promise.all([facts.list(workspace.id), workspaceChecks(workspace.id)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Facts</h1>
      <p className="text-sm text-stone-600">Confirmed claims grouped by subject, attribute and qualifiers, across every article.</p>
      {rows.length === 0 ? (
        <EmptyState title="No facts yet.">Confirm claims in an article and they gather here.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 bg-stone-50 text-stone-600">
              <tr><th className="px-4 py-2 font-medium">Fact</th><th className="px-4 py-2 font-medium">Values</th><th className="px-4 py-2 font-medium">Sources</th><th className="px-4 py-2 font-medium">State</th></tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((f) => {
                const values = distinctValues(f.claims.map((c) => ({ value: dec(c.value), low: dec(c.low), high: dec(c.high), unit: c.unit })));
                // A reopened fact lists its values again, so the contradicting one shows.
                const timeline = f.state === "resolved" ? parseAcceptedTimeline(f.acceptedTimeline) : null;
                return (
                  <tr key={f.id} data-testid="fact-row">
                    <td className="px-4 py-2">
                      <Link className="font-medium text-stone-900 hover:underline" href={`/w/${slug}/facts/${f.id}`}>{f.subject} · {humanize(f.attribute)}</Link>
                      {f.qualifierKey ? <div className="text-xs text-stone-500">{f.qualifierKey.replaceAll("|", " · ").replaceAll(":", ": ")}</div> : null}
                    </td>
                    <td className="px-4 py-2">
                      {timeline ? <AcceptedTimeline entries={timeline} unit={f.unit} /> : values.map(formatValue).join(" · ")}
                    </td>
                    <td className="px-4 py-2">{new Set(f.claims.map((c) => c.articleId)).size}</td>
                    <td className="px-4 py-2">
                      <FactStateBadge state={f.state} stale={f.stale} />
                      {checks.get(f.id)?.some((c) => c.status === "broken") ? <span className="ml-1"><Badge tone="red">check broken</Badge></span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
