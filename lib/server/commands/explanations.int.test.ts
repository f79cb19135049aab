import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createWorkspace, uniq } from "@/lib/server/testing/fixtures";
import { decideExplanation } from "./facts";

describe("decideExplanation", () => {
  it("records a researcher's verdict on a disagreement, changeable later, and refuses a viewer", async () => {
    const ws = await createWorkspace("explain");
    const fact = await db.fact.create({ data: { workspaceId: ws.id, subject: "Explain", subjectKey: `explain-${uniq()}`, attribute: "funding_round_size", unit: "USD" }, select: { id: true } });
    const input = { workspaceId: ws.id, factId: fact.id, valueKey: "USD:110000000000", kind: "time" };

    const refused = await decideExplanation(ws.actors.viewer, input);
    expect(refused.ok ? "ok" : refused.code).toBe("forbidden");
    const bad = await decideExplanation(ws.actors.researcher, { ...input, kind: "vibes" });
    expect(bad.ok ? "ok" : bad.code).toBe("invalid_input");
    expect(await db.factExplanation.count({ where: { factId: fact.id } })).toBe(0);

    expect((await decideExplanation(ws.actors.researcher, input)).ok).toBe(true);
    expect((await decideExplanation(ws.actors.editor, { ...input, kind: "definition", note: "Pre-money, not post-money." })).ok).toBe(true);
    const rows = await db.factExplanation.findMany({ where: { factId: fact.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "definition", note: "Pre-money, not post-money.", decidedById: ws.users.editor.id });
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "fact.explanation_decided", targetId: fact.id } })).toBe(2);
  });
});
