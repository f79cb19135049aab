import type { Metadata } from "next";
import { AddMemberForm, RoleSelect } from "@/components/members/member-forms";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { workspaces } from "@/lib/server/data/workspaces";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, actor } = await requireWorkspace(slug);
  if (!can(workspace.role, "members.manage")) return <Alert>Only owners manage members.</Alert>;
  const members = await workspaces.members(workspace.id);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-xl font-semibold">Members</h1>
      <AddMemberForm workspaceId={workspace.id} />
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {members.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="member-row">
            <span className="font-medium">{m.user.name}</span>
            <span className="text-sm text-stone-500">{m.user.email}</span>
            <span className="ml-auto">
              <RoleSelect workspaceId={workspace.id} membershipId={m.id} role={m.role} label={`Role of ${m.user.name}${m.user.id === actor.userId ? " (you)" : ""}`} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
