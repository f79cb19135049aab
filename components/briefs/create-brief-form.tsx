"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { createBriefAction } from "@/lib/server/actions/briefs/create-brief";

export function CreateBriefForm({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    setPending(true);
    const result = await createBriefAction({ workspaceId, title });
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.push(`/w/${slug}/briefs/${result.data.briefId}`);
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-2" aria-label="New brief">
      <label htmlFor="new-brief-title" className="sr-only">Title of the new brief</label>
      <Input id="new-brief-title" name="title" placeholder="Title of a new brief" className="max-w-md" required />
      <Button type="submit" disabled={pending}>New brief</Button>
      {error ? <div className="w-full"><Alert>{error}</Alert></div> : null}
    </form>
  );
}
