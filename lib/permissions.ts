// Which role may do what. Checked on the server by authorize(); the UI hides controls with
// the same table so the two never disagree.
export const roles = ["viewer", "researcher", "editor", "owner"] as const;
export type Role = (typeof roles)[number];

const atLeast = (role: Role): readonly Role[] => roles.slice(roles.indexOf(role));

export const permissions = {
  "workspace.read": atLeast("viewer"),
  "articles.import": atLeast("researcher"),
  "articles.assign": atLeast("editor"),
  "claims.review": atLeast("researcher"),
  // Merging entity aliases and adding attributes to the workspace vocabulary are part of editing claims.
  "entities.manage": atLeast("researcher"),
  "vocabulary.extend": atLeast("researcher"),
  "facts.propose": atLeast("researcher"),
  "facts.resolve": atLeast("editor"),
  "briefs.write": atLeast("editor"),
  // Reviewers of a brief in review: anyone who can check claims may comment on its statements.
  "briefs.comment": atLeast("researcher"),
  "briefs.publish": atLeast("editor"),
  "briefs.export": atLeast("viewer"),
  "shareLinks.manage": atLeast("editor"),
  "members.manage": atLeast("owner"),
  "audit.read": atLeast("owner"),
  "workspace.settings": atLeast("owner"),
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (permissions[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
