import "server-only";

/** Postgres unique violation, as surfaced by Prisma (P2002) or the pg driver (23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "P2002" || e.code === "23505" || e.cause?.code === "23505";
}
