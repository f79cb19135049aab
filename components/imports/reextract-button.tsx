"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { reextractWorkspaceAction } from "@/lib/server/actions/imports/reextract-workspace";

export function ReextractButton({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function run() {
    if (!window.confirm("Run the current extractor over every article again? Confirmed, rejected and edited claims are kept as they are.")) return;
    setPending(true);
    const result = await reextractWorkspaceAction({ workspaceId });
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.push(`/w/${slug}/imports/${result.data.jobId}`);
  }
  return (
    <span className="inline-flex flex-col items-end">
      <Button variant="secondary" onClick={() => void run()} disabled={pending}>Re-run extraction</Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
