// The production HTTP server (`npm start` and the e2e tests run it through scripts/launch.mjs):
// Next.js, with the reader page's cache in front (lib/server/cache/reader-cache.ts). Going
// through Next's router costs about a millisecond of CPU even for a cached page, several times
// what sending the HTML costs, so cached reader pages are answered before Next is asked; every
// other request goes straight to Next. Run with `node --import tsx scripts/server.ts`.
import http from "node:http";
import next from "next";
import pg from "pg";
import { createLinkChecker, createReaderFastPath, ReaderPageStore } from "@/lib/server/cache/reader-cache";
import { ADDRESS_STAMPED_ENV, CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/server/http/client-address";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;

// Every request below gets the client address stamped; code behind this server may trust it.
process.env[ADDRESS_STAMPED_ENV] = "1";
const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

// A few connections of its own: the checks of concurrent requests share queries.
const checks = Number(process.env.READER_CACHE_CONNECTIONS || 2);
// A database that stops answering must fail the check (the request then goes to Next.js),
// not hold every reader request forever.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: checks, connectionTimeoutMillis: 3000, query_timeout: 3000 });
pool.on("error", (error) => console.error("[reader-cache] idle database connection failed:", error.message));
const readerPages = createReaderFastPath({
  checker: createLinkChecker((query) => pool.query(query), { concurrency: checks }),
  store: new ReaderPageStore(Number(process.env.READER_CACHE_PAGES || 1000), Number(process.env.READER_CACHE_MB || 64) * 1024 * 1024),
  render: (req, res) => handle(req, res),
});

// A cached page goes to every reader of its link, so the addresses in it must not come from a
// request's Host header: the page takes them from PUBLIC_BASE_URL (scripts/launch.mjs sets it).
const cacheReaderPages = Boolean(process.env.PUBLIC_BASE_URL);
if (!cacheReaderPages) console.warn("[reader-cache] PUBLIC_BASE_URL is not set: reader pages are rendered for every request.");

const trustProxy = process.env.TRUST_PROXY === "1";

const server = http.createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy);
  (cacheReaderPages ? readerPages(req, res) : Promise.resolve(false))
    .then((handled) => (handled ? undefined : handle(req, res)))
    .catch((error: unknown) => {
      // The cache's database check failed: let Next answer, as it would without the cache.
      console.error("[reader-cache]", error instanceof Error ? error.message : error);
      if (!res.headersSent) void handle(req, res);
      else res.destroy();
    });
});
server.listen(port, hostname, () => console.log(`[server] Next.js with the reader cache, listening on port ${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void Promise.allSettled([app.close(), pool.end()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
