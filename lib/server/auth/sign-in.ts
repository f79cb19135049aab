import "server-only";
import { signInInput } from "@/lib/validations/auth";
import { db } from "@/lib/server/db";
import { loginAttempts } from "@/lib/server/data/login-attempts";
import { dummyPasswordHash, verifyPassword } from "./passwords";

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "locked"; message: string };

export const WRONG_CREDENTIALS = "Wrong email or password.";

/** Checks a password sign-in, counting failures per account and per address. */
export async function checkSignIn(raw: unknown, ip: string): Promise<SignInOutcome> {
  const input = signInInput.safeParse(raw);
  if (!input.success) return { ok: false, reason: "invalid", message: WRONG_CREDENTIALS };
  const { email, password } = input.data;

  const lockedUntil = await loginAttempts.lockedUntil(email, ip);
  if (lockedUntil) {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
    return {
      ok: false,
      reason: "locked",
      message: `Too many failed sign-in attempts. Sign-in is paused for this account or address for ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    };
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  await loginAttempts.record(email, ip, Boolean(user && valid));
  if (!user || !valid) return { ok: false, reason: "invalid", message: WRONG_CREDENTIALS };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
