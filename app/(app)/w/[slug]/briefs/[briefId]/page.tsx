import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BriefEditor } from "@/components/briefs/brief-editor";
import { IndexingSetting } from "@/components/briefs/indexing-setting";
import { ShareLinks } from "@/components/briefs/share-links";
import { VersionsPanel } from "@/components/briefs/versions-panel";
import { Badge } from "@/components/ui/badge";
import { diffSnapshots } from "@/lib/briefs/diff";
import { formatValue, humanize } from "@/lib/format";
import { can } from "@/lib/permissions";
import { distinctValues } from "@/lib/reconcile/facts";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { briefs, parseContent } from "@/lib/server/data/briefs";
import { dec, facts } from "@/lib/server/data/facts";

export const metadata: Metadata = { title: "Brief" };

const versionParam = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export default async function BriefPage({ params, searchParams }: {
  params: Promise<{ slug: string; briefId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug, briefId }, query] = await Promise.all([params, searchParams]);
  const { workspace } = await requireWorkspace(slug);
  const [brief, factRows] = await Promise.all([briefs.get(workspace.id, briefId), facts.list(workspace.id)]);
  if (!brief) notFound();
  const factOptions = factRows.map((f) => {
    const accepted = f.state === "resolved" ? { value: dec(f.acceptedValue), low: dec(f.acceptedLow), high: dec(f.acceptedHigh), unit: f.unit } : null;
    const values = accepted ? [accepted] : distinctValues(f.claims.map((c) => ({ value: dec(c.value), low: dec(c.low), high: dec(c.high), unit: c.unit })));
    const state = f.stale ? `${f.state}, stale` : f.state;
    return { id: f.id, label: `${f.subject} · ${humanize(f.attribute)}${f.qualifierKey ? ` (${f.qualifierKey})` : ""}: ${values.map(formatValue).join(" / ")}`, state };
  });

  // Any two published versions, compared on request (?from=1&to=2).
  const from = versionParam(query.from);
  const to = versionParam(query.to);
  let compare = null;
  if (from && to) {
    const pair = await briefs.versions(workspace.id, brief.id, [from, to]);
    const a = pair.find((v) => v.number === from);
    const b = pair.find((v) => v.number === to);
    if (a && b) compare = { from, to, changes: diffSnapshots(a.snapshot, b.snapshot) };
  }

  const now = new Date();
  const mayWrite = can(workspace.role, "briefs.write");
  const mayPublish = can(workspace.role, "briefs.publish");
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/w/${slug}/briefs`} className="text-sm text-sky-700 underline">← Briefs</Link>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <Badge tone={brief.status === "published" ? "green" : "amber"}>{brief.status.replace("_", " ")}</Badge>
          {brief.versions.length ? <span>Version {brief.latestVersionNumber} is what readers see</span> : <span>Not published yet</span>}
        </div>
      </div>
      <BriefEditor workspaceId={workspace.id} briefId={brief.id} initialTitle={brief.title} initialContent={parseContent(brief.content)}
        version={brief.version} facts={factOptions} mayWrite={mayWrite} mayPublish={mayPublish} publishedVersions={brief.latestVersionNumber} />
      <VersionsPanel workspaceId={workspace.id} briefId={brief.id} mayExport={can(workspace.role, "briefs.export")} compare={compare}
        versions={brief.versions.map((v) => ({ number: v.number, title: v.title, publishedAt: v.publishedAt.toISOString(), overrideNote: v.overrideNote }))} />
      {can(workspace.role, "shareLinks.manage") ? (
        <ShareLinks workspaceId={workspace.id} briefId={brief.id} versions={brief.versions.map((v) => v.number)}
          links={brief.shareLinks.map((l) => ({
            id: l.id, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt?.toISOString() ?? null, expired: l.expiresAt != null && l.expiresAt <= now, revoked: l.revokedAt != null,
            viewCount: l.viewCount, lastViewedAt: l.lastViewedAt?.toISOString() ?? null, pinnedVersion: l.pinnedVersion?.number ?? null,
          }))} />
      ) : null}
      {mayPublish ? (
        <section aria-label="Reader page settings" className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 className="mb-2 font-semibold">Reader page</h2>
          <IndexingSetting workspaceId={workspace.id} briefId={brief.id} allowIndexing={brief.allowIndexing} />
        </section>
      ) : null}
    </div>
  );
}
