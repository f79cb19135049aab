"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignArticleAction } from "@/lib/server/actions/articles/assign-article";

export function AssigneeSelect({ workspaceId, articleId, assigneeId, members, mayAssign }: {
  workspaceId: string; articleId: string; assigneeId: string | null; members: { id: string; name: string }[]; mayAssign: boolean;
}) {
  const router = useRouter();
  const [value, setValue] = useState(assigneeId ?? "");
  const [error, setError] = useState<string | null>(null);
  const current = members.find((m) => m.id === assigneeId)?.name;
  if (!mayAssign) return <span className="text-sm text-stone-600">{current ? `Assigned to ${current}` : "Not assigned"}</span>;
  async function change(next: string) {
    setValue(next);
    setError(null);
    const result = await assignArticleAction({ workspaceId, articleId, assigneeId: next || null });
    if (!result.ok) {
      setValue(assigneeId ?? "");
      return setError(result.message);
    }
    router.refresh();
  }
  return (
    <span className="inline-flex items-center gap-2 text-sm">
      <label htmlFor="assignee">Assigned to</label>
      <select id="assignee" value={value} onChange={(e) => void change(e.target.value)} className="rounded-md border border-stone-300 bg-white px-2 py-1">
        <option value="">nobody</option>
        {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
