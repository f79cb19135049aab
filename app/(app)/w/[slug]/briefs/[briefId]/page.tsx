import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BriefEditor } from "@/components/briefs/brief-editor";
import { ShareLinks } from "@/components/briefs/share-links";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatValue, humanize } from "@/lib/format";
import { can } from "@/lib/permissions";
import { distinctValues } from "@/lib/reconcile/facts";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { briefs, parseContent } from "@/lib/server/data/briefs";
import { dec, facts } from "@/lib/server/data/facts";

export const metadata: Metadata = { title: "Brief" };

export default async function BriefPage({ params }: { params: Promise<{ slug: string; briefId: string }> }) {
  const { slug, briefId } = await params;
  const { workspace } = await requireWorkspace(slug);
  const [brief, factRows] = await Promise.all([briefs.get(workspace.id, briefId), facts.list(workspace.id)]);
  if (!brief) notFound();
  const factOptions = factRows.map((f) => {
    const accepted = f.state === "resolved" ? { value: dec(f.acceptedValue), low: dec(f.acceptedLow), high: dec(f.acceptedHigh), unit: f.unit } : null;
    const values = accepted ? [accepted] : distinctValues(f.claims.map((c) => ({ value: dec(c.value), low: dec(c.low), high: dec(c.high), unit: c.unit })));
    return { id: f.id, label: `${f.subject} · ${humanize(f.attribute)}${f.qualifierKey ? ` (${f.qualifierKey})` : ""}: ${values.map(formatValue).join(" / ")}`, state: f.state };
  });
  const mayWrite = can(workspace.role, "briefs.write");
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/w/${slug}/briefs`} className="text-sm text-sky-700 underline">← Briefs</Link>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <Badge tone={brief.status === "published" ? "green" : "amber"}>{brief.status.replace("_", " ")}</Badge>
          {brief.versions.length ? <span>Published versions: {brief.versions.map((v) => `v${v.number} (${formatDate(v.publishedAt)})`).join(", ")}</span> : <span>Not published yet</span>}
        </div>
      </div>
      <BriefEditor workspaceId={workspace.id} briefId={brief.id} initialTitle={brief.title} initialContent={parseContent(brief.content)}
        version={brief.version} facts={factOptions} mayWrite={mayWrite} mayPublish={can(workspace.role, "briefs.publish")} />
      {can(workspace.role, "shareLinks.manage") ? (
        <ShareLinks workspaceId={workspace.id} briefId={brief.id} published={brief.latestVersionNumber > 0}
          links={brief.shareLinks.map((l) => ({ id: l.id, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt?.toISOString() ?? null, revoked: l.revokedAt != null, viewCount: l.viewCount }))} />
      ) : null}
    </div>
  );
}
