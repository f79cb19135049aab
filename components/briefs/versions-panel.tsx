import { describeChange, type VersionChange } from "@/lib/briefs/diff";
import { formatDate } from "@/lib/format";

type Version = { number: number; title: string; publishedAt: string; overrideNote: string | null };

const formats = [
  { format: "markdown", label: "Markdown" },
  { format: "json", label: "JSON" },
  { format: "ris", label: "Sources (RIS)" },
  { format: "csl", label: "Sources (CSL-JSON)" },
] as const;

const tone: Record<VersionChange["kind"], string> = {
  title: "border-sky-300", added: "border-emerald-400", removed: "border-red-300", changed: "border-amber-400", value: "border-amber-400",
};

/**
 * Published versions, newest first, each with its exports, and a comparison of any two. The
 * comparison form is a plain GET so it works before any script loads.
 */
export function VersionsPanel(props: {
  workspaceId: string; briefId: string; versions: Version[]; mayExport: boolean;
  compare: { from: number; to: number; changes: VersionChange[] } | null;
}) {
  const { versions, compare } = props;
  if (versions.length === 0) return null;
  const newest = versions[0]!.number;
  const exportHref = (number: number, format: string) =>
    `/api/briefs/${encodeURIComponent(props.briefId)}/export?workspace=${encodeURIComponent(props.workspaceId)}&version=${number}&format=${format}`;
  return (
    <section aria-label="Published versions" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
      <h2 className="font-semibold">Published versions</h2>
      <ul className="divide-y divide-stone-100 text-sm">
        {versions.map((v) => (
          <li key={v.number} className="flex flex-wrap items-center gap-3 py-2" data-testid="version-row">
            <span className="font-medium">Version {v.number}</span>
            <span>{v.title}</span>
            <span className="text-stone-500">{formatDate(v.publishedAt)}</span>
            {v.overrideNote ? <span className="text-amber-800" title={v.overrideNote}>published with a note to readers</span> : null}
            {props.mayExport ? (
              <span className="ml-auto flex flex-wrap gap-2">
                {formats.map((f) => <a key={f.format} className="text-sky-700 underline" href={exportHref(v.number, f.format)} download>{f.label}</a>)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {versions.length > 1 ? (
        <form method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Compare versions">
          <label className="space-y-1">
            <span className="block font-medium">Compare version</span>
            <select name="from" defaultValue={String(compare?.from ?? newest - 1)} className="rounded-md border border-stone-300 px-2 py-1">
              {versions.map((v) => <option key={v.number} value={v.number}>{v.number}</option>)}
            </select>
          </label>
          <label className="space-y-1">
            <span className="block font-medium">with version</span>
            <select name="to" defaultValue={String(compare?.to ?? newest)} className="rounded-md border border-stone-300 px-2 py-1">
              {versions.map((v) => <option key={v.number} value={v.number}>{v.number}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded-md px-3 py-1.5 font-medium ring-1 ring-stone-300 hover:bg-stone-100">Compare</button>
        </form>
      ) : null}
      {compare ? (
        <div data-testid="version-diff" className="space-y-2 text-sm">
          <h3 className="font-medium">From version {compare.from} to version {compare.to}</h3>
          {compare.changes.length === 0 ? <p className="text-stone-600">No differences in the text or the cited values.</p> : (
            <ul className="space-y-1">
              {compare.changes.map((c, i) => <li key={i} className={`border-l-4 pl-2 ${tone[c.kind]}`}>{describeChange(c)}</li>)}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
