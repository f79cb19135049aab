import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentActor } from "./current-user";
import { workspaces } from "@/lib/server/data/workspaces";

/** For workspace pages: the signed-in member and their role, or sign-in / 404. */
export const requireWorkspace = cache(async (slug: string) => {
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(`/w/${slug}`)}`);
  const workspace = await workspaces.membership(slug, actor.userId);
  if (!workspace) notFound();
  return { actor, workspace };
});
