import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { extractorStats } from "@/lib/server/data/extractor-stats";

export const metadata: Metadata = { title: "Extractor quality" };

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : "—");

export default async function ExtractorStatsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  const { versions, editedFields } = await extractorStats(workspace.id);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={`/w/${slug}/review`} className="text-sm text-sky-700 underline">← Review queue</Link>
      <h1 className="text-xl font-semibold">Extractor quality in this workspace</h1>
      <p className="text-sm text-stone-600">Of each extractor version&apos;s suggestions, the share people confirmed, edited and rejected. Decided shares count only suggestions someone has decided.</p>
      {versions.length === 0 ? <EmptyState title="No suggestions yet." /> : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 bg-stone-50 text-stone-600">
              <tr>{["Extractor", "Suggestions", "Still to review", "Confirmed", "Edited", "Rejected"].map((h) => <th key={h} className="px-4 py-2 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {versions.map((v) => {
                const decided = v.confirmed + v.rejected;
                return (
                  <tr key={`${v.extractor}@${v.version}`} data-testid="extractor-version">
                    <td className="px-4 py-2 font-mono">{v.extractor} {v.version}</td>
                    <td className="px-4 py-2">{v.total}</td>
                    <td className="px-4 py-2">{v.suggested}</td>
                    <td className="px-4 py-2">{pct(v.confirmed, decided)}</td>
                    <td className="px-4 py-2">{pct(v.edited, decided)}</td>
                    <td className="px-4 py-2">{pct(v.rejected, decided)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <section aria-label="Fields people edit most" className="text-sm">
        <h2 className="font-semibold">Fields people edit most</h2>
        {editedFields.length ? (
          <ol className="mt-1 list-decimal pl-5">{editedFields.map(([field, n]) => <li key={field}>{field}: {n}</li>)}</ol>
        ) : <p className="text-stone-600">No edits yet.</p>}
      </section>
    </div>
  );
}
