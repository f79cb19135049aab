"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { setBriefIndexingAction } from "@/lib/server/actions/briefs/set-brief-indexing";

/** Whether search engines may index the reader page; off (noindex) unless chosen here. */
export function IndexingSetting({ workspaceId, briefId, allowIndexing }: { workspaceId: string; briefId: string; allowIndexing: boolean }) {
  const router = useRouter();
  const [checked, setChecked] = useState(allowIndexing);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function change(next: boolean) {
    setPending(true);
    setError(null);
    const result = await setBriefIndexingAction({ workspaceId, briefId, allowIndexing: next });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setChecked(result.data.allowIndexing);
    router.refresh();
  }
  return (
    <div className="space-y-2 text-sm">
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1" checked={checked} disabled={pending} onChange={(e) => void change(e.target.checked)} />
        <span>
          Let search engines index the reader page
          <span className="block text-stone-500">Off by default: shared links carry a “noindex” tag and stay out of search results.</span>
        </span>
      </label>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
