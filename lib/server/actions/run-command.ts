import "server-only";
import { fail, type Result } from "@/lib/result";
import { currentActor, type Actor } from "@/lib/server/auth/current-user";

/**
 * The base layer of every server action: reads the signed-in person, runs the command (which
 * validates, authorizes, writes and audits), and turns an unexpected error into `internal`
 * after logging it once, so no stack trace reaches the browser.
 */
export async function runCommand<T>(command: (actor: Actor | null, raw: unknown) => Promise<Result<T>>, raw: unknown): Promise<Result<T>> {
  try {
    return await command(await currentActor(), raw);
  } catch (error) {
    console.error(`[action ${command.name}]`, error);
    return fail("internal");
  }
}
