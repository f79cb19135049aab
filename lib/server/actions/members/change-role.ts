"use server";
import { revalidatePath } from "next/cache";
import { changeRole } from "@/lib/server/commands/members";
import { runCommand } from "../run-command";

export async function changeRoleAction(raw: unknown) {
  const result = await runCommand(changeRole, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/members`);
  return result;
}
