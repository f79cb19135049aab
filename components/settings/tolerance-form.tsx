"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { updateToleranceAction } from "@/lib/server/actions/workspaces/update-tolerance";

export function ToleranceForm({ workspaceId, tolerance }: { workspaceId: string; tolerance: number }) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await updateToleranceAction({ workspaceId, tolerancePercent: new FormData(event.currentTarget).get("tolerance") });
    setPending(false);
    if (!result.ok) return setNotice({ tone: "error", text: result.message });
    setNotice({ tone: "success", text: `Saved; ${result.data.facts} facts were checked again.` });
    router.refresh();
  }
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-3" aria-label="Agreement tolerance">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Field label="Agreement tolerance (%)" htmlFor="tolerance"
        hint="Values this close agree outright, on top of the precision each was written with ($122 billion already covers $121.5–122.5 billion). 0 compares as written.">
        <Input id="tolerance" name="tolerance" type="number" min={0} max={50} step={0.1} defaultValue={Math.round(tolerance * 10_000) / 100} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
    </form>
  );
}
