"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/format";
import { createShareLinkAction } from "@/lib/server/actions/briefs/create-share-link";
import { revokeShareLinkAction } from "@/lib/server/actions/briefs/revoke-share-link";

type Link = { id: string; createdAt: string; expiresAt: string | null; revoked: boolean; viewCount: number };

export function ShareLinks({ workspaceId, briefId, published, links }: { workspaceId: string; briefId: string; published: boolean; links: Link[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create() {
    setPending(true);
    setError(null);
    const result = await createShareLinkAction({ workspaceId, briefId });
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
        <Button onClick={() => void create()} disabled={pending}>Create share link</Button>
      )}
      {created ? (
        <Alert tone="success">
          Copy this link now; it is shown only once: <a data-testid="new-share-link" className="break-all font-mono underline" href={created}>{created}</a>
        </Alert>
      ) : null}
      {links.length ? (
        <ul className="divide-y divide-stone-100 text-sm">
          {links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center gap-3 py-2" data-testid="share-link-row">
              <span>Created {formatDate(l.createdAt)}</span>
              {l.expiresAt ? <span>expires {formatDate(l.expiresAt)}</span> : null}
              <span>{l.viewCount} view{l.viewCount === 1 ? "" : "s"}</span>
              {l.revoked ? <Badge tone="red">revoked</Badge> : <Button variant="danger" onClick={() => void revoke(l.id)}>Revoke</Button>}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
