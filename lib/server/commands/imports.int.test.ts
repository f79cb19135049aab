import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { stopBoss } from "@/lib/server/jobs/boss";
import { createWorkspace, uniq, unwrap } from "@/lib/server/testing/fixtures";
import { importFiles, importJsonl, previewFile, previewUrl, reextractWorkspace, retryImportJob } from "./imports";

afterAll(async () => {
  await stopBoss();
});

const file = (name: string, text: string) => ({ name, type: "text/plain", bytes: new TextEncoder().encode(text) });

describe("import commands", () => {
  it("refuses every import path to a viewer, a signed-out caller and an outsider, writing nothing", async () => {
    const ws = await createWorkspace("imports");
    const jsonl = JSON.stringify({ title: "t", text: `Acme${uniq()} raised $5 million.` });
    const calls = {
      previewFile: (actor: Parameters<typeof previewFile>[0]) => previewFile(actor, { workspaceId: ws.id, file: file("a.txt", "Acme raised $5 million.") }),
      previewUrl: (actor: Parameters<typeof previewUrl>[0]) => previewUrl(actor, { workspaceId: ws.id, url: "https://example.com/story" }),
      importFiles: (actor: Parameters<typeof importFiles>[0]) => importFiles(actor, { workspaceId: ws.id, files: [file("a.txt", `Acme${uniq()} raised $5 million.`)] }),
      importJsonl: (actor: Parameters<typeof importJsonl>[0]) => importJsonl(actor, { workspaceId: ws.id, text: jsonl }),
      reextractWorkspace: (actor: Parameters<typeof reextractWorkspace>[0]) => reextractWorkspace(actor, { workspaceId: ws.id }),
      retryImportJob: (actor: Parameters<typeof retryImportJob>[0]) => retryImportJob(actor, { workspaceId: ws.id, jobId: "no-such-job" }),
    };
    for (const [name, call] of Object.entries(calls)) {
      const viewer = await call(ws.actors.viewer);
      const anonymous = await call(null);
      const outsider = await call(ws.outsider.actor);
      expect([name, viewer.ok ? "ok" : viewer.code]).toEqual([name, "forbidden"]);
      expect([name, anonymous.ok ? "ok" : anonymous.code]).toEqual([name, "unauthenticated"]);
      expect([name, outsider.ok ? "ok" : outsider.code]).toEqual([name, "not_found"]);
    }
    expect(await db.job.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db.article.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("queues a JSONL import with each malformed line reported by number", async () => {
    const ws = await createWorkspace("jsonl");
    const lines = [JSON.stringify({ title: "One", text: `Acme${uniq()} raised $5 million.` }), "{not json", JSON.stringify({ title: "Three" })];
    const { jobId } = unwrap(await importJsonl(ws.actors.researcher, { workspaceId: ws.id, text: lines.join("\n") }));
    const items = await db.jobItem.findMany({ where: { jobId }, orderBy: { position: "asc" }, select: { position: true, status: true, error: true } });
    expect(items.map((i) => [i.position, i.status])).toEqual([[1, "queued"], [2, "failed"], [3, "failed"]]);
    expect(items[1]!.error).toMatch(/^Line 2: /);
    expect(items[2]!.error).toMatch(/^Line 3: /);
    const event = await db.auditEvent.findFirst({ where: { workspaceId: ws.id, action: "import_job.created", targetId: jobId } });
    expect(event?.actorId).toBe(ws.users.researcher.id);
  });
});
