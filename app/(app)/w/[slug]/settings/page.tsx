import type { Metadata } from "next";
import { ToleranceForm } from "@/components/settings/tolerance-form";
import { VocabularySettings } from "@/components/settings/vocabulary-settings";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { workspaceReconcileSettings } from "@/lib/server/data/reconciliation";
import { workspaces } from "@/lib/server/data/workspaces";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  if (!can(workspace.role, "workspace.settings")) return <Alert>Only owners change workspace settings.</Alert>;
  const [settings, vocabulary] = await Promise.all([workspaceReconcileSettings(workspace.id), workspaces.vocabulary(workspace.id)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Workspace settings</h1>
      <ToleranceForm workspaceId={workspace.id} tolerance={settings.tolerance} />
      <VocabularySettings workspaceId={workspace.id} added={vocabulary.added} builtIn={vocabulary.builtIn} />
    </div>
  );
}
