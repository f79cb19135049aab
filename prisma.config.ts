import { defineConfig } from "prisma/config";

// Without DATABASE_URL the CLI talks to the embedded server that `npm start` runs
// (scripts/lib/settings.mjs); env() would throw when the variable is unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "node scripts/launch.mjs seed" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres:corroborate-local@127.0.0.1:54329/corroborate",
  },
});
