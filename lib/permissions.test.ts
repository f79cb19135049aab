import { describe, expect, it } from "vitest";
import { can, permissions, roles } from "./permissions";

describe("permissions", () => {
  it.each([
    ["viewer", "workspace.read", true],
    ["viewer", "articles.import", false],
    ["researcher", "articles.import", true],
    ["researcher", "claims.review", true],
    ["researcher", "facts.resolve", false],
    ["editor", "facts.resolve", true],
    ["editor", "briefs.publish", true],
    ["editor", "members.manage", false],
    ["owner", "members.manage", true],
    ["owner", "audit.read", true],
  ] as const)("%s may %s: %s", (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it("refuses everything to someone without a role", () => {
    for (const permission of Object.keys(permissions) as (keyof typeof permissions)[]) {
      expect(can(null, permission)).toBe(false);
    }
  });

  it("gives a higher role everything a lower one has", () => {
    for (const permission of Object.keys(permissions) as (keyof typeof permissions)[]) {
      const allowed = roles.map((r) => can(r, permission));
      const first = allowed.indexOf(true);
      expect(allowed.slice(first).every(Boolean)).toBe(true);
    }
  });
});
