import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyAddress, fetchUrl, type FetchUrlOptions, type LookupAll } from "./fetch-url";

// A local test site on 127.0.0.1 (port 0). Nothing here touches the network beyond loopback:
// refused addresses (10.0.0.1, 169.254.169.254, …) are refused before any connection, and
// host names are answered by a test lookup, never by DNS.

const PAGE = "<!doctype html><html><head><title>Local story</title></head><body><article><p>OpenAI closed its round at $122 billion.</p></article></body></html>";
const PDF = readFileSync(path.join(__dirname, "fixtures", "funding-report.pdf"));
const SIX_MB = 6 * 1024 * 1024;

let server: http.Server;
let base: string; // http://127.0.0.1:PORT
let port: number;
const stalled = new Set<http.ServerResponse>();

function route(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://local");
  const redirect = (to: string, status = 302) => {
    res.writeHead(status, { location: to });
    res.end();
  };
  const match = /^\/redirect\/(\d+)$/.exec(url.pathname);
  if (match) return redirect(Number(match[1]) > 0 ? `/redirect/${Number(match[1]) - 1}` : "/page");
  switch (url.pathname) {
    case "/page":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(PAGE);
    case "/text":
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end("Plain text article.");
    case "/markdown":
      res.writeHead(200, { "content-type": "text/markdown; charset=utf-8" });
      return res.end("# Title\n\nBody.");
    case "/xhtml":
      res.writeHead(200, { "content-type": "application/xhtml+xml" });
      return res.end(PAGE);
    case "/pdf":
      res.writeHead(200, { "content-type": "application/pdf", "content-length": PDF.byteLength });
      return res.end(PDF);
    case "/to":
      return redirect(url.searchParams.get("url") ?? "/page", Number(url.searchParams.get("status") ?? 302));
    case "/redirect-no-location":
      res.writeHead(302);
      return res.end();
    case "/loop":
      return redirect("/loop");
    case "/image":
      res.writeHead(200, { "content-type": "image/png" });
      return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    case "/json":
      res.writeHead(200, { "content-type": "application/json" });
      return res.end("{}");
    case "/untyped":
      res.writeHead(200);
      return res.end("what am I");
    case "/big": {
      // Chunked, no Content-Length: the cap has to be enforced while reading.
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < SIX_MB) {
          sent += chunk.byteLength;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => undefined);
      return pump();
    }
    case "/big-declared":
      res.writeHead(200, { "content-type": "text/html", "content-length": SIX_MB });
      return res.write("<p>start"); // never finishes; the declared length alone is refused
    case "/gzip":
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      return res.end(zlib.gzipSync(PAGE));
    case "/brotli":
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "br" });
      return res.end(zlib.brotliCompressSync(PAGE));
    case "/gzip-bomb":
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      return res.end(zlib.gzipSync(Buffer.alloc(SIX_MB * 2, 0x61)));
    case "/zstd":
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "zstd" });
      return res.end("xx");
    case "/missing":
      res.writeHead(404, { "content-type": "text/html" });
      return res.end("<p>Not here</p>");
    case "/slow":
      stalled.add(res); // never answers
      return;
    case "/slow-body":
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>first bytes");
      stalled.add(res); // ... and never the rest
      return;
    default:
      res.writeHead(404);
      res.end();
  }
}

beforeAll(async () => {
  server = http.createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const res of stalled) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The test "DNS": fixed answers for invented names; anything else does not exist. */
function testLookup(table: Record<string, string | string[]>): LookupAll & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (hostname: string) => {
    calls.push(hostname);
    const answer = table[hostname];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return (Array.isArray(answer) ? answer : [answer]).map((address) => ({ address, family: address.includes(":") ? (6 as const) : (4 as const) }));
  };
  return Object.assign(lookup, { calls });
}

const LOCAL: FetchUrlOptions = { allowPrivateAddresses: true, lookup: testLookup({}) };

async function refusal(url: string, options: FetchUrlOptions) {
  const result = await fetchUrl(url, options);
  if (result.ok) throw new Error(`expected a refusal for ${url}, got ${result.data.finalUrl}`);
  expect(result.code).toBe("invalid_input");
  return result;
}

describe("fetchUrl with private addresses allowed (the test-only switch)", () => {
  it("fetches a page", async () => {
    const result = await fetchUrl(`${base}/page`, LOCAL);
    expect(result).toEqual({ ok: true, data: { bytes: expect.any(Uint8Array), contentType: "text/html; charset=utf-8", finalUrl: `${base}/page` } });
    expect(result.ok && Buffer.from(result.data.bytes).toString("utf8")).toBe(PAGE);
  });

  it.each([
    ["text/plain", "/text"],
    ["text/markdown", "/markdown"],
    ["application/xhtml+xml", "/xhtml"],
    ["application/pdf", "/pdf"],
  ])("accepts %s", async (type, route) => {
    const result = await fetchUrl(`${base}${route}`, LOCAL);
    expect(result.ok && result.data.contentType.startsWith(type)).toBe(true);
  });

  it("returns a PDF byte for byte", async () => {
    const result = await fetchUrl(`${base}/pdf`, LOCAL);
    expect(result.ok && Buffer.from(result.data.bytes).equals(PDF)).toBe(true);
  });

  it("follows a chain of 5 redirects and reports the final address", async () => {
    const result = await fetchUrl(`${base}/redirect/4`, LOCAL); // 4 → 3 → 2 → 1 → 0 → /page: 5 redirects
    expect(result).toMatchObject({ ok: true, data: { finalUrl: `${base}/page` } });
  });

  it.each([301, 303, 307, 308])("follows a %s redirect", async (status) => {
    const result = await fetchUrl(`${base}/to?status=${status}&url=/page`, LOCAL);
    expect(result).toMatchObject({ ok: true, data: { finalUrl: `${base}/page` } });
  });

  it("refuses more than 5 redirects", async () => {
    const result = await refusal(`${base}/redirect/5`, LOCAL);
    expect(result.message).toBe("The page redirected more than 5 times. Import the page's final address instead.");
    expect(result.details).toMatchObject({ reason: "redirects" });
    expect((await refusal(`${base}/loop`, LOCAL)).details).toMatchObject({ reason: "redirects" });
  });

  it("honours a smaller maxRedirects", async () => {
    expect((await refusal(`${base}/redirect/2`, { ...LOCAL, maxRedirects: 2 })).message).toMatch(/more than 2 times/);
  });

  it("refuses a redirect without a Location", async () => {
    expect((await refusal(`${base}/redirect-no-location`, LOCAL)).message).toMatch(/redirect \(HTTP 302\) but no address/);
  });

  it("refuses a body over 5 MB while reading it (no Content-Length)", async () => {
    const result = await refusal(`${base}/big`, LOCAL);
    expect(result.message).toBe("The page is over 5 MB, the largest import allowed. Save the article text and import that instead.");
    expect(result.details).toMatchObject({ reason: "too_large" });
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    expect((await refusal(`${base}/big-declared`, LOCAL)).details).toMatchObject({ reason: "too_large" });
  });

  it("honours a smaller maxBytes", async () => {
    expect((await refusal(`${base}/page`, { ...LOCAL, maxBytes: 50 })).details).toMatchObject({ reason: "too_large" });
  });

  it("decompresses gzip and brotli, and caps the decompressed size (zip bomb)", async () => {
    for (const route of ["/gzip", "/brotli"]) {
      const result = await fetchUrl(`${base}${route}`, LOCAL);
      expect(result.ok && Buffer.from(result.data.bytes).toString("utf8")).toBe(PAGE);
    }
    expect((await refusal(`${base}/gzip-bomb`, LOCAL)).details).toMatchObject({ reason: "too_large" });
    expect((await refusal(`${base}/zstd`, LOCAL)).details).toMatchObject({ reason: "encoding" });
  });

  it.each([
    ["/image", "Only web pages, plain text, Markdown and PDF files can be imported; this address returned image/png."],
    ["/json", "Only web pages, plain text, Markdown and PDF files can be imported; this address returned application/json."],
    ["/untyped", "Only web pages, plain text, Markdown and PDF files can be imported; this address did not say what kind of file it returned."],
  ])("refuses the content type of %s", async (route, message) => {
    const result = await refusal(`${base}${route}`, LOCAL);
    expect(result.message).toBe(message);
    expect(result.details).toMatchObject({ reason: "content_type" });
  });

  it("refuses an HTTP error status", async () => {
    const result = await refusal(`${base}/missing`, LOCAL);
    expect(result.message).toBe("The site answered with an error (HTTP 404 Not Found), so there is nothing to import.");
  });

  it("times out on a server that never answers", async () => {
    const started = performance.now();
    const result = await refusal(`${base}/slow`, { ...LOCAL, timeoutMs: 300 });
    expect(result.message).toBe("The site did not answer within 0.3 seconds. Try again later, or save the page and upload the file.");
    expect(result.details).toMatchObject({ reason: "timeout" });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("times out on a server that stops sending halfway", async () => {
    const result = await refusal(`${base}/slow-body`, { ...LOCAL, timeoutMs: 300 });
    expect(result.details).toMatchObject({ reason: "timeout" });
  });

  it("says so when the connection is refused", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await refusal(`http://127.0.0.1:${closedPort}/`, LOCAL);
    expect(result.message).toBe("The site refused the connection. Check the address, or try again later.");
  });

  it("still refuses cloud metadata addresses", async () => {
    const result = await refusal(`${base}/to?url=http://169.254.169.254/latest/meta-data/`, LOCAL);
    expect(result.message).toMatch(/which is a cloud metadata service; only public web pages can be imported\.$/);
    expect((await refusal("http://metadata.google.internal/computeMetadata/v1/", LOCAL)).details).toMatchObject({ addressClass: "metadata" });
  });
});

describe("fetchUrl with private addresses refused (the default)", () => {
  // A made-up public name that the test lookup maps to the local server; only it is let
  // through (allowPrivateHosts), so every redirect target is checked as in production.
  const PUBLIC_NAME = "news.example.test";
  const options = (): FetchUrlOptions & { lookup: ReturnType<typeof testLookup> } => ({
    allowPrivateHosts: [PUBLIC_NAME],
    lookup: testLookup({ [PUBLIC_NAME]: "127.0.0.1", "intranet.example.test": "10.1.2.3", "mixed.example.test": ["93.184.216.34", "10.0.0.7"] }),
  });
  const site = () => `http://${PUBLIC_NAME}:${port}`;

  it("lets the allowed test host through (the baseline for the redirect cases)", async () => {
    expect(await fetchUrl(`${site()}/page`, options())).toMatchObject({ ok: true, data: { finalUrl: `${site()}/page` } });
  });

  it.each([
    ["http://127.0.0.1:PORT/page", "That address points back to this server (loopback); only public web pages can be imported."],
    ["http://localhost:PORT/page", "That address points back to this server (loopback); only public web pages can be imported."],
    ["http://[::1]:PORT/page", "That address points back to this server (loopback); only public web pages can be imported."],
    ["http://[::ffff:127.0.0.1]:PORT/page", "That address points back to this server (loopback); only public web pages can be imported."],
    ["http://0x7f.1:PORT/page", "That address points back to this server (loopback); only public web pages can be imported."],
    ["http://10.0.0.1/", "That address is on a private network; only public web pages can be imported."],
    ["http://[::ffff:10.0.0.1]/", "That address is on a private network; only public web pages can be imported."],
    ["http://192.168.1.1/", "That address is on a private network; only public web pages can be imported."],
    ["http://172.16.5.4/", "That address is on a private network; only public web pages can be imported."],
    ["http://[fd12:3456::1]/", "That address is on a private network; only public web pages can be imported."],
    ["http://169.254.169.254/latest/meta-data/", "That address is a cloud metadata service; only public web pages can be imported."],
    ["http://[fd00:ec2::254]/", "That address is a cloud metadata service; only public web pages can be imported."],
    ["http://metadata.google.internal/", "That address is a cloud metadata service; only public web pages can be imported."],
    ["http://169.254.1.1/", "That address is a link-local address; only public web pages can be imported."],
    ["http://[fe80::1]/", "That address is a link-local address; only public web pages can be imported."],
    ["http://0.0.0.0/", "That address is an unspecified address (0.0.0.0 or ::); only public web pages can be imported."],
    ["http://[::]/", "That address is an unspecified address (0.0.0.0 or ::); only public web pages can be imported."],
    ["http://224.0.0.1/", "That address is a multicast address; only public web pages can be imported."],
    ["http://100.64.0.1/", "That address is in the carrier-grade NAT range (100.64.0.0/10); only public web pages can be imported."],
    ["http://intranet.example.test/", "intranet.example.test resolves to 10.1.2.3, which is on a private network; only public web pages can be imported."],
    ["http://mixed.example.test/", "mixed.example.test resolves to 10.0.0.7, which is on a private network; only public web pages can be imported."],
  ])("refuses %s", async (url, message) => {
    const result = await refusal(url.replace("PORT", String(port)), options());
    expect(result.message).toBe(message);
    expect(result.details).toMatchObject({ reason: "address" });
  });

  it.each([
    ["127.0.0.1", (p: number) => `http://127.0.0.1:${p}/page`, /^The page redirects to http:\/\/127\.0\.0\.1:\d+\/page, which points back to this server \(loopback\); only public web pages can be imported\.$/],
    ["10.0.0.1", () => "http://10.0.0.1/admin", /^The page redirects to http:\/\/10\.0\.0\.1\/admin, which is on a private network; only public web pages can be imported\.$/],
    ["169.254.169.254", () => "http://169.254.169.254/latest/meta-data/", /^The page redirects to http:\/\/169\.254\.169\.254\/latest\/meta-data\/, which is a cloud metadata service; only public web pages can be imported\.$/],
    ["a name resolving to 10.1.2.3", () => "http://intranet.example.test/", /^The page redirects to http:\/\/intranet\.example\.test\/, whose address 10\.1\.2\.3 is on a private network;/],
  ])("refuses a redirect to %s", async (_name, target, message) => {
    const result = await refusal(`${site()}/to?url=${encodeURIComponent(target(port))}`, options());
    expect(result.message).toMatch(message);
  });

  it.each([
    ["file:///etc/passwd", "Only http:// and https:// addresses can be imported, not file:."],
    ["ftp://ftp.example.test/article.txt", "Only http:// and https:// addresses can be imported, not ftp:."],
    ["javascript:alert(1)", "Only http:// and https:// addresses can be imported, not javascript:."],
    ["gopher://127.0.0.1:6379/_INFO", "Only http:// and https:// addresses can be imported, not gopher:."],
    ["not a url", "That is not a valid web address. Paste the full address, starting with https://."],
    ["https://user:secret@news.example.test/", "Addresses with a user name or password in them can't be imported."],
    ["https://nowhere.example.test/", "The site nowhere.example.test could not be found. Check the address for typos."],
  ])("refuses %s", async (url, message) => {
    expect((await refusal(url, options())).message).toBe(message);
  });

  it("refuses a redirect to file:", async () => {
    const result = await refusal(`${site()}/to?url=${encodeURIComponent("file:///etc/passwd")}`, options());
    expect(result.message).toBe("The page redirects to a file: address; only http and https pages can be imported.");
  });

  it("resolves each hop once and connects to the vetted address (no second lookup to rebind)", async () => {
    const answers = ["127.0.0.1"];
    const lookup: LookupAll = async (hostname) => {
      const address = answers.shift(); // a second lookup would find nothing
      if (!address) throw Object.assign(new Error(`no answer for ${hostname}`), { code: "ENOTFOUND" });
      return [{ address, family: 4 }];
    };
    const result = await fetchUrl(`http://rebind.example.test:${port}/page`, { allowPrivateHosts: ["rebind.example.test"], lookup });
    expect(result).toMatchObject({ ok: true });
  });

  it("looks each redirect hop up again, and checks it", async () => {
    const opts = options();
    await fetchUrl(`${site()}/redirect/2`, opts);
    expect(opts.lookup.calls).toEqual([PUBLIC_NAME, PUBLIC_NAME, PUBLIC_NAME, PUBLIC_NAME]);
  });
});

describe("classifyAddress", () => {
  it.each([
    ["93.184.216.34", null],
    ["2606:4700:4700::1111", null],
    ["::ffff:93.184.216.34", null],
    ["64:ff9b::5db8:d822", null], // NAT64 of a public address
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::127.0.0.1", "loopback"], // deprecated IPv4-compatible form
    ["10.0.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.0.10", "private"],
    ["fc00::1", "private"],
    ["fd12::1", "private"],
    ["::ffff:192.168.0.1", "private"],
    ["64:ff9b::a00:1", "private"], // NAT64 of 10.0.0.1
    ["2002:a00:1::", "private"], // 6to4 of 10.0.0.1
    ["169.254.10.10", "linkLocal"],
    ["fe80::abcd", "linkLocal"],
    ["224.0.0.251", "multicast"],
    ["ff02::1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["100.64.0.1", "carrierGradeNat"],
    ["100.127.255.254", "carrierGradeNat"],
    ["169.254.169.254", "metadata"],
    ["::ffff:169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["not an ip", "reserved"],
  ])("%s → %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});
