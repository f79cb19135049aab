import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "scripts/prisma-schema-engine/**"]),
  {
    // Domain modules stay free of Next.js and Prisma so they can be tested and timed alone.
    files: ["lib/extract/**", "lib/reconcile/**", "lib/anchor/**", "lib/import/**", "lib/briefs/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "@prisma/*", "@/lib/generated/*", "@/lib/server/*", "react"] }],
    },
  },
]);
