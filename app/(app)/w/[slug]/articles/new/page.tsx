import type { Metadata } from "next";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { Alert } from "@/components/ui/alert";
import { ImportPanel } from "@/components/imports/import-panel";

export const metadata: Metadata = { title: "Import article" };

export default async function NewArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-xl font-semibold">Import articles</h1>
      {can(workspace.role, "articles.import") ? (
        <ImportPanel workspaceId={workspace.id} slug={slug} />
      ) : (
        <Alert>Your role ({workspace.role}) can read this workspace but not import articles. Ask an owner for the researcher role.</Alert>
      )}
    </div>
  );
}
