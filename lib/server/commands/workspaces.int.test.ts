import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createWorkspace, insertArticle, insertClaim, uniq } from "@/lib/server/testing/fixtures";
import { decideClaim } from "./claims";
import { updateTolerance } from "./workspaces";

describe("updateTolerance", () => {
  it("is for owners only, and re-judges every fact under the new tolerance", async () => {
    const ws = await createWorkspace("tolerance");
    const subject = `Tolerance${uniq()}`;
    for (const [value, text] of [["120000000000", "$120B"], ["122000000000", "$122B"]] as const) {
      const body = `${subject} raised ${text} in its round.`;
      const article = await insertArticle(ws.id, body);
      const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value, valueText: text });
      await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, decision: "confirm", version: 1 });
    }
    const fact = () => db.fact.findFirstOrThrow({ where: { workspaceId: ws.id, subject }, select: { state: true } });
    expect((await fact()).state).toBe("conflicting");

    const refused = await updateTolerance(ws.actors.editor, { workspaceId: ws.id, tolerancePercent: 2 });
    expect(refused.ok ? "ok" : refused.code).toBe("forbidden");
    const invalid = await updateTolerance(ws.actors.owner, { workspaceId: ws.id, tolerancePercent: -1 });
    expect(invalid.ok ? "ok" : invalid.code).toBe("invalid_input");

    const done = await updateTolerance(ws.actors.owner, { workspaceId: ws.id, tolerancePercent: 2 });
    expect(done.ok).toBe(true);
    expect((await fact()).state).toBe("agreed");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: ws.id } })).settings).toMatchObject({ tolerance: 0.02 });
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "workspace.tolerance_changed" } })).toBe(1);
  });
});
