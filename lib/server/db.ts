import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process (cached across dev reloads). Password hashes never leave the
// database unless a query asks for them explicitly.
function createClient() {
  const connectionString = process.env.DATABASE_URL;
  // No connection is made until the first query, so building without a database works.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    omit: { user: { passwordHash: true } },
  });
}

const cached = globalThis as unknown as { corroborateDb?: ReturnType<typeof createClient> };
export const db = (cached.corroborateDb ??= createClient());
export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
