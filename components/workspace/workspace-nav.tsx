"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function WorkspaceNav({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const root = links[0]?.href;
  return (
    <nav aria-label="Workspace" className="flex flex-wrap gap-1 text-sm">
      {links.map((l) => {
        const active = l.href === root ? pathname === root || pathname.startsWith(`${root}/articles`) : pathname.startsWith(l.href);
        return (
          <Link key={l.href} href={l.href} aria-current={active ? "page" : undefined}
            className={`rounded-md px-2 py-1 ${active ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-100"}`}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
