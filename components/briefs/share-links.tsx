"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { formatDate } from "@/lib/format";
import { createShareLinkAction } from "@/lib/server/actions/briefs/create-share-link";
import { revokeShareLinkAction } from "@/lib/server/actions/briefs/revoke-share-link";

type Link = {
  id: string; createdAt: string; expiresAt: string | null; expired: boolean; revoked: boolean; viewCount: number; lastViewedAt: string | null; pinnedVersion: number | null;
};

const expiryChoices = [
  { value: "never", label: "Never" },
  { value: "1", label: "In 1 day" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "date", label: "On a date…" },
] as const;

function expiryFrom(choice: string, date: string): string | undefined {
  if (choice === "never") return undefined;
  if (choice === "date") return date ? new Date(`${date}T23:59:59`).toISOString() : undefined;
  return new Date(Date.now() + Number(choice) * 24 * 60 * 60 * 1000).toISOString();
}

export function ShareLinks({ workspaceId, briefId, versions, links }: { workspaceId: string; briefId: string; versions: number[]; links: Link[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [expiry, setExpiry] = useState("never");
  const [expiryDate, setExpiryDate] = useState("");
  const [pin, setPin] = useState("latest");
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const published = versions.length > 0;

  async function create() {
    if (expiry === "date" && !expiryDate) return setError("Choose the day the link should stop working.");
    setPending(true);
    setError(null);
    const expiresAt = expiryFrom(expiry, expiryDate);
    const result = await createShareLinkAction({
      workspaceId, briefId, ...(expiresAt ? { expiresAt } : {}), ...(pin !== "latest" ? { pinnedVersion: Number(pin) } : {}),
    });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setCreated(`${window.location.origin}/b/${result.data.token}`);
    router.refresh();
  }

  async function revoke(id: string) {
    if (!window.confirm("Revoke this link? Anyone holding it loses access at once.")) return;
    const result = await revokeShareLinkAction({ workspaceId, shareLinkId: id });
    if (!result.ok) return setError(result.message);
    router.refresh();
  }

  return (
    <section aria-label="Share links" className="space-y-3 rounded-lg border border-stone-200 bg-white p-5">
      <h2 className="font-semibold">Share links</h2>
      {error ? <Alert>{error}</Alert> : null}
      {!published ? <p className="text-sm text-stone-600">Publish the brief to share it.</p> : (
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Link expires" htmlFor="share-expiry">
            <Select id="share-expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
              {expiryChoices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </Select>
          </Field>
          {expiry === "date" ? (
            <Field label="Expiry date" htmlFor="share-expiry-date">
              <Input id="share-expiry-date" type="date" value={expiryDate} min={today} onChange={(e) => setExpiryDate(e.target.value)} />
            </Field>
          ) : null}
          <Field label="Shows" htmlFor="share-pin">
            <Select id="share-pin" value={pin} onChange={(e) => setPin(e.target.value)}>
              <option value="latest">The latest published version</option>
              {versions.map((n) => <option key={n} value={String(n)}>Version {n} only</option>)}
            </Select>
          </Field>
          <Button onClick={() => void create()} disabled={pending}>Create share link</Button>
        </div>
      )}
      {created ? (
        <Alert tone="success">
          Copy this link now; it is shown only once: <a data-testid="new-share-link" className="break-all font-mono underline" href={created}>{created}</a>
        </Alert>
      ) : null}
      {links.length ? (
        <ul className="divide-y divide-stone-100 text-sm">
          {links.map((l) => {
            const { expired } = l;
            return (
              <li key={l.id} className="flex flex-wrap items-center gap-3 py-2" data-testid="share-link-row">
                <span>Created {formatDate(l.createdAt)}</span>
                <span>{l.pinnedVersion ? `pinned to version ${l.pinnedVersion}` : "follows the latest version"}</span>
                {l.expiresAt ? <span>{expired ? "expired" : "expires"} {formatDate(l.expiresAt)}</span> : <span>no expiry</span>}
                <span data-testid="share-link-views">{l.viewCount} view{l.viewCount === 1 ? "" : "s"}</span>
                {l.lastViewedAt ? <span className="text-stone-500">last opened {formatDate(l.lastViewedAt)}</span> : null}
                {l.revoked ? <Badge tone="red">revoked</Badge> : expired ? <Badge tone="neutral">expired</Badge> : <Button variant="danger" onClick={() => void revoke(l.id)}>Revoke</Button>}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
