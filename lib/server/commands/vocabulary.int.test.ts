// The workspace's attribute vocabulary: researchers add attributes, owners remove the ones
// the workspace added, and changing it never loses another setting written at the same time.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { workspaces } from "@/lib/server/data/workspaces";
import { createWorkspace, unwrap } from "@/lib/server/testing/fixtures";
import { addVocabularyAttribute, removeVocabularyAttribute, updateTolerance } from "./workspaces";

const settingsOf = async (id: string) => (await db.workspace.findUniqueOrThrow({ where: { id }, select: { settings: true } })).settings as Record<string, unknown>;
const code = (r: { ok: boolean; code?: string }) => (r.ok ? "ok" : r.code);

describe("attribute vocabulary", () => {
  it("a researcher adds an attribute typed as words; it is stored in snake_case next to the tolerance, and audited", async () => {
    const ws = await createWorkspace("vocab");
    unwrap(await updateTolerance(ws.actors.owner, { workspaceId: ws.id, tolerancePercent: 2 }));
    const added = unwrap(await addVocabularyAttribute(ws.actors.researcher, { workspaceId: ws.id, attribute: "  Gross merchandise value " }));
    expect(added.attribute).toBe("gross_merchandise_value");
    expect(await settingsOf(ws.id)).toEqual({ tolerance: 0.02, attributeVocabulary: ["gross_merchandise_value"] });
    const vocabulary = await workspaces.vocabulary(ws.id);
    expect(vocabulary.added).toEqual(["gross_merchandise_value"]);
    // Every attribute the extractor can assign is offered, the dates of events included.
    expect(vocabulary.builtIn).toEqual(expect.arrayContaining(["funding_round_size", "closing_date", "announcement_date"]));
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "vocabulary.attribute_added", actorId: ws.users.researcher.id } })).toBe(1);
  });

  it("refuses duplicates, built-ins, malformed names and viewers", async () => {
    const ws = await createWorkspace("vocab-refusals");
    unwrap(await addVocabularyAttribute(ws.actors.researcher, { workspaceId: ws.id, attribute: "churn_rate" }));
    expect(code(await addVocabularyAttribute(ws.actors.editor, { workspaceId: ws.id, attribute: "Churn rate" }))).toBe("invalid_input");
    expect(code(await addVocabularyAttribute(ws.actors.researcher, { workspaceId: ws.id, attribute: "funding_round_size" }))).toBe("invalid_input");
    expect(code(await addVocabularyAttribute(ws.actors.researcher, { workspaceId: ws.id, attribute: "" }))).toBe("invalid_input");
    expect(code(await addVocabularyAttribute(ws.actors.researcher, { workspaceId: ws.id, attribute: "3rd party revenue!" }))).toBe("invalid_input");
    expect(code(await addVocabularyAttribute(ws.actors.researcher, { workspaceId: ws.id, attribute: "x".repeat(65) }))).toBe("invalid_input");
    expect(code(await addVocabularyAttribute(ws.actors.viewer, { workspaceId: ws.id, attribute: "net_revenue_retention" }))).toBe("forbidden");
    expect(code(await addVocabularyAttribute(ws.outsider.actor, { workspaceId: ws.id, attribute: "net_revenue_retention" }))).toBe("not_found");
    expect((await settingsOf(ws.id)).attributeVocabulary).toEqual(["churn_rate"]);
  });

  it("only owners remove workspace-added attributes; built-ins stay", async () => {
    const ws = await createWorkspace("vocab-remove");
    unwrap(await addVocabularyAttribute(ws.actors.researcher, { workspaceId: ws.id, attribute: "churn_rate" }));
    unwrap(await addVocabularyAttribute(ws.actors.researcher, { workspaceId: ws.id, attribute: "arpu" }));
    expect(code(await removeVocabularyAttribute(ws.actors.researcher, { workspaceId: ws.id, attribute: "churn_rate" }))).toBe("forbidden");
    expect(code(await removeVocabularyAttribute(ws.actors.editor, { workspaceId: ws.id, attribute: "churn_rate" }))).toBe("forbidden");
    expect(code(await removeVocabularyAttribute(ws.actors.owner, { workspaceId: ws.id, attribute: "valuation" }))).toBe("invalid_input");
    unwrap(await removeVocabularyAttribute(ws.actors.owner, { workspaceId: ws.id, attribute: "churn_rate" }));
    expect(code(await removeVocabularyAttribute(ws.actors.owner, { workspaceId: ws.id, attribute: "churn_rate" }))).toBe("not_found");
    expect((await settingsOf(ws.id)).attributeVocabulary).toEqual(["arpu"]);
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "vocabulary.attribute_removed" } })).toBe(1);
  });

  it("settings changed at the same time all survive: the tolerance and every added attribute", async () => {
    const ws = await createWorkspace("vocab-race");
    const names = ["alpha_metric", "beta_metric", "gamma_metric", "delta_metric", "epsilon_metric"];
    const results = await Promise.all([
      updateTolerance(ws.actors.owner, { workspaceId: ws.id, tolerancePercent: 3 }),
      ...names.map((attribute, i) => addVocabularyAttribute(i % 2 ? ws.actors.researcher : ws.actors.editor, { workspaceId: ws.id, attribute })),
      updateTolerance(ws.actors.owner, { workspaceId: ws.id, tolerancePercent: 3 }),
    ]);
    expect(results.map(code)).toEqual(results.map(() => "ok"));
    const settings = await settingsOf(ws.id);
    expect(settings.tolerance).toBe(0.03);
    expect(settings.attributeVocabulary).toEqual([...names].sort());
    // Removing one while the tolerance changes keeps both changes.
    await Promise.all([
      removeVocabularyAttribute(ws.actors.owner, { workspaceId: ws.id, attribute: "beta_metric" }),
      updateTolerance(ws.actors.owner, { workspaceId: ws.id, tolerancePercent: 1 }),
    ]);
    expect(await settingsOf(ws.id)).toEqual({ tolerance: 0.01, attributeVocabulary: names.filter((n) => n !== "beta_metric").sort() });
  });
});
