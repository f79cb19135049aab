"use server";
import { revalidatePath } from "next/cache";
import { addMember } from "@/lib/server/commands/members";
import { runCommand } from "../run-command";

export async function addMemberAction(raw: unknown) {
  const result = await runCommand(addMember, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/members`);
  return result;
}
