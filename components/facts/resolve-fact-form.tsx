"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { resolveFactAction } from "@/lib/server/actions/facts/resolve-fact";

export function ResolveFactForm({ workspaceId, factId, version, claims }: { workspaceId: string; factId: string; version: number; claims: { id: string; label: string; preferred: boolean }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await resolveFactAction({ workspaceId, factId, version, preferredClaimId: String(form.get("preferred") ?? ""), rationale: String(form.get("rationale") ?? "") });
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label="Resolve this fact">
      <h2 className="font-semibold">Resolve</h2>
      {error ? <Alert>{error}</Alert> : null}
      <fieldset className="space-y-1 text-sm">
        <legend className="mb-1 font-medium">Preferred claim</legend>
        {claims.map((c) => (
          <label key={c.id} className="flex items-center gap-2">
            <input type="radio" name="preferred" value={c.id} defaultChecked={c.preferred} required /> {c.label}
          </label>
        ))}
      </fieldset>
      <Field label="Rationale" htmlFor="rationale" hint="Why this value: later stage, definition, the better source…">
        <Textarea id="rationale" name="rationale" rows={3} required minLength={10} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Mark preferred"}</Button>
    </form>
  );
}
