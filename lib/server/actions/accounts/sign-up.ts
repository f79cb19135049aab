"use server";
import { fail, type Result } from "@/lib/result";
import { signUp } from "@/lib/server/commands/accounts";

export async function signUpAction(raw: unknown): Promise<Result<{ slug: string }>> {
  try {
    const result = await signUp(raw);
    return result.ok ? { ok: true, data: { slug: result.data.slug } } : result;
  } catch (error) {
    console.error("[action signUp]", error);
    return fail("internal");
  }
}
