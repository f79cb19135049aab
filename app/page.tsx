import { redirect } from "next/navigation";
import { currentActor } from "@/lib/server/auth/current-user";
import { workspaces } from "@/lib/server/data/workspaces";

// The front door: signed-in people go to their first workspace, everyone else to sign-in.
export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const memberships = await workspaces.forUser(actor.userId);
  const first = memberships[0];
  if (!first) redirect("/signup");
  redirect(`/w/${first.workspace.slug}`);
}
