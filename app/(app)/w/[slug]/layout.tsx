import Link from "next/link";
import { can } from "@/lib/permissions";
import { requireWorkspace } from "@/lib/server/auth/page-context";
import { db } from "@/lib/server/db";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { WorkspaceNav } from "@/components/workspace/workspace-nav";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace } = await requireWorkspace(slug);
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true } });
  const links = [
    { href: `/w/${slug}`, label: "Articles" },
    { href: `/w/${slug}/review`, label: "Review" },
    { href: `/w/${slug}/facts`, label: "Facts" },
    { href: `/w/${slug}/entities`, label: "Entities" },
    { href: `/w/${slug}/briefs`, label: "Briefs" },
    ...(can(workspace.role, "members.manage") ? [{ href: `/w/${slug}/members`, label: "Members" }] : []),
    ...(can(workspace.role, "audit.read") ? [{ href: `/w/${slug}/audit`, label: "Audit log" }] : []),
    ...(can(workspace.role, "workspace.settings") ? [{ href: `/w/${slug}/settings`, label: "Settings" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <header className="no-print border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={`/w/${slug}`} className="font-serif text-lg font-semibold tracking-tight">Corroborate</Link>
          <span className="truncate text-sm text-stone-500" title={workspace.name}>{workspace.name}</span>
          <WorkspaceNav links={links} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-stone-600" data-testid="current-user">{user?.name} · <span className="font-medium">{workspace.role}</span></span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
