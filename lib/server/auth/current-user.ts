import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

export type Actor = { userId: string };

/** The signed-in person, read from the signed session token; null when signed out. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? { userId: id } : null;
}
