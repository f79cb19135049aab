import "server-only";
import { db } from "@/lib/server/db";

// Failed sign-ins are rows, so every app instance counts the same attempts.
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_THRESHOLD = 10;

export const loginAttempts = {
  record: (email: string, ip: string, succeeded: boolean) => db.loginAttempt.create({ data: { email, ip, succeeded } }),

  /** When sign-in opens again for this email or address, or null when it is open now. */
  async lockedUntil(email: string, ip: string, now = new Date()): Promise<Date | null> {
    const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
    const until = async (where: { email: string } | { ip: string }) => {
      const failures = await db.loginAttempt.findMany({
        where: { ...where, succeeded: false, createdAt: { gt: since } },
        orderBy: { createdAt: "desc" },
        take: LOCKOUT_THRESHOLD,
        select: { createdAt: true },
      });
      if (failures.length < LOCKOUT_THRESHOLD) return null;
      // Open again once the oldest of the last ten failures leaves the window.
      return new Date(failures[failures.length - 1]!.createdAt.getTime() + LOCKOUT_WINDOW_MS);
    };
    const [byEmail, byIp] = await Promise.all([until({ email }), ip === "unknown" ? null : until({ ip })]);
    if (!byEmail) return byIp;
    if (!byIp) return byEmail;
    return byEmail > byIp ? byEmail : byIp;
  },
};
