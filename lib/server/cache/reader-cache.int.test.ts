// Two app instances against one Postgres behave as one: each keeps its own copies of reader
// pages, yet a publish, a revoke or an expiry committed through either is seen by both on the
// very next request. Each "instance" here is a real HTTP server with its own connection pool,
// link checker and page store, in front of a renderer that reads the brief from the database
// the way the reader page does.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readerTag } from "@/lib/briefs/cache-tags";
import { createBrief, createShareLink, publishBrief, revokeShareLink, saveBrief } from "@/lib/server/commands/briefs";
import { db } from "@/lib/server/db";
import { shareLinks } from "@/lib/server/data/share-links";
import { briefContent, createWorkspace, uniq, unwrap, type TestWorkspace } from "@/lib/server/testing/fixtures";
import { createLinkChecker, createReaderFastPath, hashToken, ReaderPageStore, type Query } from "./reader-cache";
import { revalidateReader } from "./revalidate";

type Instance = { url: string; store: ReaderPageStore; renders: number; queries: number; pool: pg.Pool; server: http.Server };

async function startInstance(): Promise<Instance> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const instance = { store: new ReaderPageStore(100), renders: 0, queries: 0, pool } as Instance;
  const query: Query = (q) => {
    instance.queries++;
    return pool.query(q);
  };
  // Stands in for Next.js: renders what the reader page renders for the token, or a 404.
  const render = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    instance.renders++;
    const brief = await shareLinks.open(req.url!.split("/")[2]!);
    res.writeHead(brief ? 200 : 404, { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store", vary: "rsc, next-router-state-tree" });
    res.end(brief ? `<h1>${brief.title}</h1><p>version ${brief.number}</p>` : "<h1>Not found</h1>");
  };
  const fastPath = createReaderFastPath({ checker: createLinkChecker(query), store: instance.store, render });
  instance.server = http.createServer((req, res) => {
    void fastPath(req, res).then((handled) => {
      if (!handled) res.writeHead(418).end();
    });
  });
  await new Promise<void>((r) => instance.server.listen(0, "127.0.0.1", r));
  instance.url = `http://127.0.0.1:${(instance.server.address() as AddressInfo).port}`;
  return instance;
}

async function read(instance: Instance, token: string) {
  const res = await fetch(`${instance.url}/b/${token}`);
  return { status: res.status, cache: res.headers.get("x-reader-cache"), body: await res.text() };
}

let ws: TestWorkspace;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  ws = await createWorkspace("reader-cache");
  [a, b] = await Promise.all([startInstance(), startInstance()]);
});

afterAll(async () => {
  for (const instance of [a, b]) {
    await new Promise((r) => instance.server.close(r));
    await instance.pool.end();
  }
});

async function sharedBrief(text = "First statement.") {
  const editor = ws.actors.editor;
  const { briefId } = unwrap(await createBrief(editor, { workspaceId: ws.id, title: `Brief ${uniq()}` }));
  const saved = unwrap(await saveBrief(editor, { workspaceId: ws.id, briefId, title: "Version one", version: 1, content: briefContent([{ text, factIds: [] }]) }));
  unwrap(await publishBrief(editor, { workspaceId: ws.id, briefId, version: saved.version }));
  const { token, shareLinkId } = unwrap(await createShareLink(editor, { workspaceId: ws.id, briefId }));
  return { briefId, version: saved.version + 1, token, shareLinkId };
}

describe("the reader cache on two instances", () => {
  it("renders once per instance, then serves its copy without rendering", async () => {
    const { token } = await sharedBrief();
    const [rendersA, rendersB] = [a.renders, b.renders];
    expect(await read(a, token)).toMatchObject({ status: 200, cache: "miss", body: expect.stringContaining("version 1") });
    expect(await read(a, token)).toMatchObject({ status: 200, cache: "hit", body: expect.stringContaining("version 1") });
    expect(await read(a, `${token}?utm_source=mail`)).toMatchObject({ status: 200, cache: "hit" });
    expect(await read(b, token)).toMatchObject({ status: 200, cache: "miss" });
    for (let i = 0; i < 5; i++) expect(await read(b, token)).toMatchObject({ status: 200, cache: "hit" });
    expect([a.renders - rendersA, b.renders - rendersB]).toEqual([1, 1]);
  });

  it("a publish through one instance reaches the other at once", async () => {
    const { briefId, version, token } = await sharedBrief();
    await read(a, token);
    await read(b, token);
    expect(await read(b, token)).toMatchObject({ cache: "hit", body: expect.stringContaining("version 1") });

    // The command alone: it moves the reader tag in the transaction that publishes.
    const draft = unwrap(await saveBrief(ws.actors.editor, { workspaceId: ws.id, briefId, title: "Version two", version, content: briefContent([{ text: "Second statement.", factIds: [] }]) }));
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: draft.version }));

    expect(await read(b, token)).toMatchObject({ status: 200, cache: "miss", body: expect.stringContaining("version 2") });
    expect(await read(a, token)).toMatchObject({ status: 200, cache: "miss", body: expect.stringContaining("version 2") });
    expect(await read(b, token)).toMatchObject({ cache: "hit", body: expect.stringContaining("version 2") });
  });

  it("a publish that fails after moving the reader tag moves nothing: every copy stays current", async () => {
    const { briefId, version, token } = await sharedBrief();
    await read(a, token);
    const revision = async () => (await db.cacheTag.findUnique({ where: { tag: readerTag(briefId) } }))?.revalidatedAt.getTime() ?? null;
    const before = await revision();
    const draft = unwrap(await saveBrief(ws.actors.editor, { workspaceId: ws.id, briefId, title: "Version two", version, content: briefContent([{ text: "Second statement.", factIds: [] }]) }));
    // A version already holds the number this publish takes, so the publish fails at its last
    // insert, after it moved the reader tag in the same transaction: none of it commits.
    const first = await db.briefVersion.findFirstOrThrow({ where: { briefId }, orderBy: { number: "desc" }, select: { title: true, snapshot: true, number: true, publishedById: true } });
    await db.briefVersion.create({ data: { briefId, title: first.title, snapshot: first.snapshot as object, number: first.number + 1, publishedById: first.publishedById } });
    await expect(publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: draft.version })).rejects.toThrow();
    expect(await revision()).toBe(before);
    expect(await read(a, token)).toMatchObject({ status: 200, cache: "hit", body: expect.stringContaining("version 1") });
  });

  it("a reader whose page is still being sent holds up the next reader of the link only briefly", async () => {
    const { token } = await sharedBrief();
    let release!: () => void;
    const stalled = new Promise<void>((r) => (release = r));
    let renders = 0;
    const fastPath = createReaderFastPath({
      checker: createLinkChecker((q) => a.pool.query(q)),
      store: new ReaderPageStore(10),
      waitForRenderMs: 150,
      render: async (_req, res) => {
        renders++;
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        // The first render waits, as one writing to a reader that does not read would.
        if (renders === 1) {
          res.write("<h1>first");
          await stalled;
        }
        res.end("</h1>");
      },
    });
    const server = http.createServer((req, res) => void fastPath(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/b/${token}`;
    try {
      const first = await fetch(url);
      expect(first.status).toBe(200);
      const started = Date.now();
      const second = await fetch(url);
      expect(await second.text()).toBe("</h1>");
      expect(Date.now() - started).toBeLessThan(1500);
      expect(renders).toBe(2);
      // The request that took over kept its copy: the next reader gets it at once.
      const third = await fetch(url);
      expect(third.headers.get("x-reader-cache")).toBe("hit");
      expect(await third.text()).toBe("</h1>");
      expect(renders).toBe(2);
      release();
      expect(await first.text()).toBe("<h1>first</h1>");
    } finally {
      release();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("every revalidation moves the tag to a new revision, even twice in one millisecond", async () => {
    const { briefId } = await sharedBrief();
    const revisions = [];
    for (let i = 0; i < 5; i++) {
      await revalidateReader(briefId);
      revisions.push((await db.cacheTag.findUniqueOrThrow({ where: { tag: readerTag(briefId) } })).revalidatedAt.getTime());
    }
    expect(new Set(revisions).size).toBe(5);
    expect([...revisions].sort((x, y) => x - y)).toEqual(revisions);
  });

  it("a revoked link answers 404 on both instances with the very next request, though both had a fresh copy", async () => {
    const { shareLinkId, token } = await sharedBrief();
    for (const instance of [a, b]) {
      await read(instance, token);
      expect(await read(instance, token)).toMatchObject({ status: 200, cache: "hit" });
    }
    // The command alone, without the tag revalidation: the link check needs none.
    unwrap(await revokeShareLink(ws.actors.editor, { workspaceId: ws.id, shareLinkId }));
    for (const instance of [b, a]) {
      const revoked = await read(instance, token);
      expect(revoked).toMatchObject({ status: 404, cache: null });
      expect(revoked.body).not.toContain("version 1");
      expect(instance.store.get(hashToken(token))).toBeUndefined();
    }
  });

  it("an expired link answers 404 at once on both instances", async () => {
    const { shareLinkId, token } = await sharedBrief();
    await Promise.all([read(a, token), read(b, token)]);
    expect(await read(a, token)).toMatchObject({ status: 200, cache: "hit" });
    await db.shareLink.update({ where: { id: shareLinkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await read(a, token)).toMatchObject({ status: 404 });
    expect(await read(b, token)).toMatchObject({ status: 404 });
  });

  it("keeps no copy for unknown tokens, and never serves one token's page for another", async () => {
    const { token } = await sharedBrief();
    await read(a, token);
    const size = a.store.size;
    for (let i = 0; i < 20; i++) {
      const unknown = randomBytes(32).toString("base64url");
      expect(await read(a, unknown)).toMatchObject({ status: 404, body: "<h1>Not found</h1>" });
    }
    expect(a.store.size).toBe(size);
  });

  it("says a cached page varies by Accept-Encoding as well as by what Next.js varies it by", async () => {
    const { token } = await sharedBrief();
    await read(a, token);
    const hit = await fetch(`${a.url}/b/${token}`, { headers: { "accept-encoding": "gzip" } });
    expect(hit.headers.get("x-reader-cache")).toBe("hit");
    expect(hit.headers.get("vary")).toMatch(/Accept-Encoding/);
    expect(hit.headers.get("vary")).toMatch(/rsc/);
    await hit.text();
  });

  it("answers concurrent requests from the cache, each after its own check", async () => {
    const { token } = await sharedBrief();
    await read(a, token);
    const before = a.queries;
    const results = await Promise.all(Array.from({ length: 40 }, () => read(a, token)));
    expect(results.every((r) => r.status === 200 && r.cache === "hit")).toBe(true);
    // How many checks the 40 share depends on how the requests happen to interleave.
    expect(a.queries - before).toBeGreaterThan(0);
    expect(a.queries - before).toBeLessThanOrEqual(40);
  });
});

describe("createLinkChecker", () => {
  it("lets checks that arrive together share queries, at most `concurrency` running at once", async () => {
    const { token } = await sharedBrief();
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    let queries = 0;
    let running = 0;
    let mostRunning = 0;
    const checker = createLinkChecker(async (q) => {
      queries++;
      mostRunning = Math.max(mostRunning, ++running);
      try {
        return await pool.query(q);
      } finally {
        running--;
      }
    }, { concurrency: 2 });
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, () => checker.check(hashToken(token))));
      expect(answers.every((live) => live !== null)).toBe(true);
      // The first two start at once; the other 38 wait for the next query, together.
      expect(queries).toBe(3);
      expect(mostRunning).toBe(2);
    } finally {
      await pool.end();
    }
  });

  it("answers a request only from a check that started after it arrived", async () => {
    const { shareLinkId, token } = await sharedBrief();
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let calls = 0;
    // The first check reads the database, then is held back until the link has been revoked.
    const checker = createLinkChecker(async (q) => {
      const result = await pool.query(q);
      if (++calls === 1) await held;
      return result;
    }, { concurrency: 2 });
    try {
      const first = checker.check(hashToken(token));
      await new Promise((r) => setTimeout(r, 200));
      unwrap(await revokeShareLink(ws.actors.editor, { workspaceId: ws.id, shareLinkId }));
      const second = checker.check(hashToken(token));
      release();
      expect(await first).not.toBeNull(); // it arrived before the revoke
      expect(await second).toBeNull();
      expect(calls).toBe(2);
    } finally {
      await pool.end();
    }
  });
});
