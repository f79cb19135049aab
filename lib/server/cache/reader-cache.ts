// The reader page's cache, in front of Next.js (see scripts/server.ts). Rendering /b/<token>
// through Next costs milliseconds and even a cached page goes through Next's router, so a hit
// is answered here from memory. Nothing that decides what a reader may see lives only in
// memory: every request checks, in Postgres, that the link is live (not revoked, not expired)
// and which revision of the brief's reader tag is current; the cached HTML is served only if
// it was rendered at that revision. Revoking or publishing on any instance therefore takes
// effect on every instance with the very next request. Requests arriving together share one
// indexed query, so the check costs far less than one query per request.
//
// Imported by the plain Node server, so nothing here may import "server-only" modules.
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { READER_TAG_PREFIX } from "@/lib/briefs/cache-tags";

/** Runs one SQL statement, prepared once per connection under `name`; node-postgres' `Pool.query` fits. */
export type Query = (query: { name: string; text: string; values: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }>;

/** A live link: its brief and the revision of the brief's reader tag (null: never revalidated). */
export type LiveLink = { briefId: string; revision: string | null };

export const READER_PATH = /^\/b\/([A-Za-z0-9_-]{43})$/;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Timestamps are stored as UTC wall-clock time (TIMESTAMP(3)), hence `now() AT TIME ZONE 'UTC'`
// whatever the session's time zone. The revision is compared as text, never as a clock.
const LIVE_LINKS_SQL = `
  SELECT s."tokenHash" AS "tokenHash", s."briefId" AS "briefId", t."revalidatedAt"::text AS "revision"
  FROM "ShareLink" s LEFT JOIN "CacheTag" t ON t."tag" = $2 || s."briefId"
  WHERE s."tokenHash" = ANY($1::text[]) AND s."revokedAt" IS NULL
    AND (s."expiresAt" IS NULL OR s."expiresAt" > (now() AT TIME ZONE 'UTC'))`;

/**
 * Moves a tag to a new revision, strictly later than the last one even within a millisecond.
 * Every instance sees it on its next check.
 */
export const REVALIDATE_TAG_SQL = `
  INSERT INTO "CacheTag" ("tag", "revalidatedAt") VALUES ($1, now() AT TIME ZONE 'UTC')
  ON CONFLICT ("tag") DO UPDATE
  SET "revalidatedAt" = GREATEST(EXCLUDED."revalidatedAt", "CacheTag"."revalidatedAt" + interval '1 millisecond')`;

type Waiter = { resolve: (link: LiveLink | null) => void; reject: (error: unknown) => void };

/**
 * Checks token hashes against Postgres in batches. A request waits for a query that starts
 * after it arrived (never joins one already running), so it sees every revoke, expiry and
 * publish committed before it came in.
 */
export function createLinkChecker(query: Query, { maxBatch = 500, concurrency = 2 } = {}) {
  let pending = new Map<string, Waiter[]>();
  let running = 0;

  async function flush() {
    running++;
    const batch = new Map<string, Waiter[]>();
    for (const [hash, waiters] of pending) {
      if (batch.size >= maxBatch) break;
      batch.set(hash, waiters);
    }
    for (const hash of batch.keys()) pending.delete(hash);
    try {
      const { rows } = await query({ name: "reader-live-links", text: LIVE_LINKS_SQL, values: [[...batch.keys()], READER_TAG_PREFIX] });
      const found = new Map(rows.map((r) => [String(r.tokenHash), { briefId: String(r.briefId), revision: r.revision == null ? null : String(r.revision) }]));
      for (const [hash, waiters] of batch) for (const w of waiters) w.resolve(found.get(hash) ?? null);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    } finally {
      running--;
      if (pending.size) void flush();
    }
  }

  return {
    check(tokenHash: string): Promise<LiveLink | null> {
      return new Promise((resolve, reject) => {
        const waiters = pending.get(tokenHash);
        if (waiters) waiters.push({ resolve, reject });
        else pending.set(tokenHash, [{ resolve, reject }]);
        if (running < concurrency) void flush();
      });
    },
    /** For tests: drops what is queued. */
    reset() {
      pending = new Map();
    },
  };
}
export type LinkChecker = ReturnType<typeof createLinkChecker>;

/** One rendered reader page, as sent, with the tag revision it was rendered at. */
export type CachedPage = { briefId: string; revision: string | null; headers: OutgoingHttpHeaders; html: Buffer; gzip: Buffer };

/**
 * Rendered pages by token, least recently used first out, bounded by count and bytes. Only
 * pages of links that were live when rendered get in, so unknown tokens take no memory.
 */
export class ReaderPageStore {
  private pages = new Map<string, CachedPage>();
  private bytes = 0;
  constructor(private readonly maxPages = 1000, private readonly maxBytes = 64 * 1024 * 1024) {}

  get(tokenHash: string): CachedPage | undefined {
    const page = this.pages.get(tokenHash);
    if (page) {
      this.pages.delete(tokenHash);
      this.pages.set(tokenHash, page);
    }
    return page;
  }

  set(tokenHash: string, page: CachedPage) {
    this.delete(tokenHash);
    this.pages.set(tokenHash, page);
    this.bytes += page.html.length + page.gzip.length;
    for (const [oldest, old] of this.pages) {
      if (this.pages.size <= this.maxPages && this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= old.html.length + old.gzip.length;
    }
  }

  delete(tokenHash: string) {
    const old = this.pages.get(tokenHash);
    if (!old) return;
    this.pages.delete(tokenHash);
    this.bytes -= old.html.length + old.gzip.length;
  }

  get size() {
    return this.pages.size;
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

// Headers that belong to one response, not to the page.
const PER_RESPONSE = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "set-cookie"]);

/** Lets `render` answer the request and keeps a copy of what it sent. */
function renderAndCapture(render: Handler, req: IncomingMessage, res: ServerResponse): Promise<{ status: number; headers: OutgoingHttpHeaders; body: Buffer } | null> {
  // The copy is kept uncompressed; compressed copies are made here.
  delete req.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk == null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
  };
  return new Promise((resolve) => {
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      const headers = res.getHeaders();
      resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
      return end(chunk, ...rest);
    }) as typeof res.end;
    res.once("close", () => resolve(null));
    Promise.resolve(render(req, res)).catch(() => resolve(null));
  });
}

function send(req: IncomingMessage, res: ServerResponse, page: CachedPage) {
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? page.gzip : page.html;
  // Next's own Vary (rsc, next-router-state-tree, …) is kept, and Accept-Encoding added to it,
  // so a shared cache in front never hands the gzip body to a client that did not ask for it.
  const vary = [page.headers.vary, "Accept-Encoding"].flat().filter(Boolean).join(", ");
  const headers: OutgoingHttpHeaders = { ...page.headers, vary, "content-length": body.length, "x-reader-cache": "hit" };
  if (gzip) headers["content-encoding"] = "gzip";
  res.writeHead(200, headers);
  res.end(body);
}

/**
 * Answers GET /b/<token> from the store when the page there was rendered at the link's current
 * revision; otherwise hands the request to `render` (Next.js) and keeps the page it renders.
 * Returns false for any other request, which the caller hands to Next.js itself.
 */
export function createReaderFastPath({ checker, store, render, waitForRenderMs = 2000 }: { checker: LinkChecker; store: ReaderPageStore; render: Handler; waitForRenderMs?: number }) {
  const rendering = new Map<string, Promise<void>>();
  /** The render in flight, or `waitForRenderMs`, whichever ends first. */
  const awaitRender = (inFlight: Promise<void>) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((r) => (timer = setTimeout(r, waitForRenderMs)));
    return Promise.race([inFlight, timeout]).finally(() => clearTimeout(timer));
  };

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== "GET" || !req.url) return false;
    // The page reads no query parameters (links gain utm_… on the way), so they share the copy.
    const [pathname, search = ""] = req.url.split("?", 2) as [string, string?];
    const match = READER_PATH.exec(pathname);
    // Client-side navigations and prefetches ask for the RSC payload, not the document.
    if (!match || /(^|&)_rsc=/.test(search) || req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-action"]) return false;
    const tokenHash = hashToken(match[1]!);
    const link = await checker.check(tokenHash);
    if (!link) {
      // Revoked, expired or unknown: Next.js renders the 404, and the copy is dropped.
      store.delete(tokenHash);
      await render(req, res);
      return true;
    }
    let page = store.get(tokenHash);
    if (page?.revision === link.revision) return (send(req, res, page), true);

    const inFlight = rendering.get(tokenHash);
    if (inFlight) {
      // Someone is rendering this page: its copy serves us if it was rendered at our revision.
      // That render writes to its own reader as fast as the reader reads, so a slow reader
      // holds it up: after a short wait, this request renders (and caches) the page itself.
      await awaitRender(inFlight);
      page = store.get(tokenHash);
      if (page?.revision === link.revision) return (send(req, res, page), true);
    }

    let done!: () => void;
    const mine = new Promise<void>((r) => (done = r));
    res.setHeader("x-reader-cache", "miss");
    rendering.set(tokenHash, mine);
    try {
      const rendered = await renderAndCapture(render, req, res);
      const contentType = String(rendered?.headers["content-type"] ?? "");
      // Only a complete HTML page, with no cookie, may be sent to someone else.
      if (rendered?.status === 200 && contentType.startsWith("text/html") && !rendered.headers["set-cookie"] && !rendered.headers["content-encoding"]) {
        const headers = Object.fromEntries(Object.entries(rendered.headers).filter(([name]) => !PER_RESPONSE.has(name.toLowerCase())));
        // Rendered after the check above, so at least as new as `link.revision`.
        store.set(tokenHash, { briefId: link.briefId, revision: link.revision, headers, html: rendered.body, gzip: gzipSync(rendered.body) });
      }
    } finally {
      // A render that was taken over leaves the newer one in place.
      if (rendering.get(tokenHash) === mine) rendering.delete(tokenHash);
      done();
    }
    return true;
  };
}
