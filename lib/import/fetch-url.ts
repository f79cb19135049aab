import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import net, { type LookupFunction } from "node:net";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import { fail, ok, type Failure, type Result } from "@/lib/result";
import { formatMegabytes, MAX_IMPORT_BYTES } from "./decode";

// "Import from URL", safely. The server fetches a page on a researcher's behalf, so the page
// must not be able to point it at anything but the public web (SSRF):
//  - http and https only, no user:password@ in the address;
//  - every address the host name resolves to must be public: loopback, private, link-local,
//    multicast, unspecified, carrier-grade NAT, reserved and cloud metadata addresses are
//    refused (IPv4-mapped and other IPv4-embedding IPv6 forms are unwrapped first);
//  - the connection goes to an address that was checked — the socket's DNS lookup is pinned
//    to the vetted addresses, so a second lookup can't be answered differently (DNS rebinding);
//  - redirects are followed by hand, at most 5, and every hop is checked the same way;
//  - one overall deadline (10 s), a 5 MB cap on the decoded body, and only HTML, text,
//    Markdown and PDF content types.
// Every refusal is an "invalid_input" failure with a message for the researcher and
// `details.reason` for the caller.

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves a host name to all its addresses (default: node:dns/promises `lookup` with `all`). */
export type LookupAll = (hostname: string) => Promise<ResolvedAddress[]>;

export type FetchUrlOptions = {
  /**
   * TEST-ONLY switch: skip the public-address check (cloud metadata addresses stay refused).
   * The server layer sets it from its environment for e2e tests against a local server; this
   * module reads no environment.
   */
  allowPrivateAddresses?: boolean;
  /**
   * TEST-ONLY: host names (exact, lower case) that may resolve to non-public addresses while
   * every other hop is checked, e.g. a fake public name mapped to 127.0.0.1 by `lookup`.
   */
  allowPrivateHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  lookup?: LookupAll;
  userAgent?: string;
};

export type FetchedUrl = {
  bytes: Uint8Array;
  /** The response's Content-Type header as sent, e.g. "text/html; charset=utf-8". */
  contentType: string;
  /** The address after redirects. */
  finalUrl: string;
};

export type FetchRefusal =
  | "invalid_url"
  | "scheme"
  | "credentials"
  | "address"
  | "dns"
  | "redirects"
  | "http_status"
  | "content_type"
  | "too_large"
  | "encoding"
  | "timeout"
  | "network";

export const ACCEPTED_CONTENT_TYPES = ["text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/pdf"] as const;

const DEFAULT_USER_AGENT = "CorroborateImporter/1.0 (research article import)";

// ---------------------------------------------------------------------------------------------
// Address policy

export type AddressClass = "loopback" | "private" | "linkLocal" | "multicast" | "unspecified" | "carrierGradeNat" | "metadata" | "reserved";

/** Cloud metadata and platform endpoints (AWS, GCP, Azure, Alibaba, ECS). Refused even in tests. */
const METADATA_ADDRESSES = new Set(["169.254.169.254", "169.254.170.2", "168.63.129.16", "100.100.100.200", "fd00:ec2::254"]);
const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"]);

const IPV4_CLASS: Partial<Record<string, AddressClass>> = {
  loopback: "loopback",
  private: "private",
  linkLocal: "linkLocal",
  multicast: "multicast",
  unspecified: "unspecified",
  carrierGradeNat: "carrierGradeNat",
};

const IPV6_CLASS: Partial<Record<string, AddressClass>> = {
  loopback: "loopback",
  uniqueLocal: "private",
  deprecatedSiteLocal: "private",
  linkLocal: "linkLocal",
  multicast: "multicast",
  unspecified: "unspecified",
};

const PHRASE: Record<AddressClass, string> = {
  loopback: "points back to this server (loopback)",
  private: "is on a private network",
  linkLocal: "is a link-local address",
  multicast: "is a multicast address",
  unspecified: "is an unspecified address (0.0.0.0 or ::)",
  carrierGradeNat: "is in the carrier-grade NAT range (100.64.0.0/10)",
  metadata: "is a cloud metadata service",
  reserved: "is in a reserved address range",
};

/** `null` for a public unicast address; otherwise why it may not be fetched. */
export function classifyAddress(address: string): AddressClass | null {
  if (!ipaddr.isValid(address)) return "reserved";
  const ip = ipaddr.process(address); // IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes IPv4
  if (METADATA_ADDRESSES.has(ip.toString())) return "metadata";
  if (ip.kind() === "ipv4") {
    const range = ip.range();
    return range === "unicast" ? null : (IPV4_CLASS[range] ?? "reserved");
  }
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  const parts = v6.parts;
  // Forms that carry an IPv4 address in their last 32 bits (NAT64, IPv4-translated, 6to4 in
  // bits 16-48, deprecated IPv4-compatible ::a.b.c.d): judged by the IPv4 address inside.
  const embedded = (high: number, low: number) => classifyAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  if (range === "rfc6052" || range === "rfc6145") return embedded(parts[6] ?? 0, parts[7] ?? 0);
  if (range === "6to4") return embedded(parts[1] ?? 0, parts[2] ?? 0);
  if (range === "unicast") {
    if (parts.slice(0, 6).every((part) => part === 0)) return embedded(parts[6] ?? 0, parts[7] ?? 0) ?? "reserved";
    return null;
  }
  return IPV6_CLASS[range] ?? "reserved";
}

// ---------------------------------------------------------------------------------------------
// Fetch

type Settings = Required<Omit<FetchUrlOptions, "allowPrivateHosts">> & { allowPrivateHosts: ReadonlySet<string> };

const refuse = (reason: FetchRefusal, message: string, extra: Record<string, unknown> = {}): Failure =>
  fail("invalid_input", message, { reason, ...extra });

export async function fetchUrl(url: string, options: FetchUrlOptions = {}): Promise<Result<FetchedUrl>> {
  const settings: Settings = {
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    allowPrivateHosts: new Set((options.allowPrivateHosts ?? []).map((host) => host.toLowerCase())),
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxBytes ?? MAX_IMPORT_BYTES,
    maxRedirects: options.maxRedirects ?? 5,
    lookup: options.lookup ?? defaultLookup,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
  };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  const timedOut = () =>
    refuse("timeout", `The site did not answer within ${seconds(settings.timeoutMs)}. Try again later, or save the page and upload the file.`);

  let current: URL;
  try {
    current = new URL(url.trim());
  } catch {
    clearTimeout(timer);
    return refuse("invalid_url", "That is not a valid web address. Paste the full address, starting with https://.");
  }

  try {
    for (let redirects = 0; ; redirects++) {
      const target = await vet(current, redirects > 0, settings, controller.signal);
      if (!target.ok) return target;

      const response = await request(current, target.data, settings, controller.signal);
      const status = response.statusCode ?? 0;

      if ([301, 302, 303, 307, 308].includes(status)) {
        response.destroy();
        const location = response.headers.location;
        if (!location) return refuse("http_status", `The site answered with a redirect (HTTP ${status}) but no address to go to.`);
        if (redirects >= settings.maxRedirects) {
          return refuse("redirects", `The page redirected more than ${settings.maxRedirects} times. Import the page's final address instead.`);
        }
        try {
          current = new URL(location, current);
        } catch {
          return refuse("invalid_url", "The site redirected to an address that is not valid.");
        }
        continue;
      }

      if (status < 200 || status > 299) {
        response.destroy();
        const text = http.STATUS_CODES[status];
        return refuse("http_status", `The site answered with an error (HTTP ${status}${text ? ` ${text}` : ""}), so there is nothing to import.`, { status });
      }

      const contentType = response.headers["content-type"] ?? "";
      const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
      if (!(ACCEPTED_CONTENT_TYPES as readonly string[]).includes(mediaType)) {
        response.destroy();
        const what = mediaType ? `this address returned ${mediaType}` : "this address did not say what kind of file it returned";
        return refuse("content_type", `Only web pages, plain text, Markdown and PDF files can be imported; ${what}.`, { contentType: mediaType });
      }

      const body = await readBody(response, settings, controller.signal);
      if (!body.ok) return controller.signal.aborted ? timedOut() : body;
      return ok({ bytes: body.data, contentType, finalUrl: current.href });
    }
  } catch (error) {
    if (controller.signal.aborted) return timedOut();
    return networkFailure(error);
  } finally {
    clearTimeout(timer);
  }
}

/** The checks made before connecting to one hop; returns the addresses to connect to. */
async function vet(url: URL, redirected: boolean, settings: Settings, signal: AbortSignal): Promise<Result<ResolvedAddress[]>> {
  const where = redirected ? `The page redirects to ${url.href}, which` : "That address";
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const scheme = url.protocol.replace(/:$/, "");
    return refuse("scheme", redirected ? `The page redirects to a ${scheme}: address; only http and https pages can be imported.` : `Only http:// and https:// addresses can be imported, not ${scheme}:.`);
  }
  if (url.username || url.password) {
    return refuse("credentials", "Addresses with a user name or password in them can't be imported.");
  }

  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  if (!host) return refuse("invalid_url", "That web address has no site name.");
  if (METADATA_HOSTS.has(host)) return addressRefusal("metadata", where, host);

  const privateAllowed = settings.allowPrivateAddresses || settings.allowPrivateHosts.has(host);
  let addresses: ResolvedAddress[];
  if (net.isIP(host)) {
    addresses = [{ address: host, family: net.isIP(host) === 6 ? 6 : 4 }];
  } else {
    if (!privateAllowed && (host === "localhost" || host.endsWith(".localhost"))) return addressRefusal("loopback", where, host);
    try {
      addresses = await abortable(settings.lookup(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const code = (error as { code?: string }).code;
      if (code === "ENOTFOUND" || code === "ENODATA" || code === "EAI_NONAME") {
        return refuse("dns", `The site ${host} could not be found. Check the address for typos.`);
      }
      return refuse("dns", `The address of ${host} could not be looked up right now. Try again in a moment.`);
    }
    if (addresses.length === 0) return refuse("dns", `The site ${host} could not be found. Check the address for typos.`);
  }

  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind === "metadata" || (kind && !privateAllowed)) {
      const subject = net.isIP(host) ? where : redirected ? `The page redirects to ${url.href}, whose address ${address}` : `${host} resolves to ${address}, which`;
      return addressRefusal(kind, subject, address);
    }
  }
  return ok(addresses);
}

/** "That address is on a private network; …", "The page redirects to X, which is …". */
function addressRefusal(kind: AddressClass, subject: string, address: string): Failure {
  return refuse("address", `${subject} ${PHRASE[kind]}; only public web pages can be imported.`, { addressClass: kind, address });
}

function request(url: URL, addresses: ResolvedAddress[], settings: Settings, signal: AbortSignal): Promise<IncomingMessage> {
  const transport = url.protocol === "https:" ? https : http;
  // The socket's lookup answers with the addresses vetted above, never with a fresh DNS answer.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]?.address ?? "", addresses[0]?.family ?? 4);
  };
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: "GET",
        agent: false, // no pooled socket that was opened for another hop
        lookup: pinned,
        signal,
        headers: {
          "user-agent": settings.userAgent,
          accept: "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.9,application/pdf;q=0.8",
          "accept-encoding": "gzip, deflate, br",
          "accept-language": "en;q=0.9, *;q=0.5",
        },
      },
      resolve,
    );
    req.on("error", reject);
    req.end();
  });
}

function readBody(response: IncomingMessage, settings: Settings, signal: AbortSignal): Promise<Result<Uint8Array>> {
  const tooLarge = () =>
    refuse("too_large", `The page is over ${formatMegabytes(settings.maxBytes)}, the largest import allowed. Save the article text and import that instead.`);

  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > settings.maxBytes) {
    response.destroy();
    return Promise.resolve(tooLarge());
  }

  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip" ? zlib.createGunzip()
    : encoding === "deflate" ? zlib.createInflate()
    : encoding === "br" ? zlib.createBrotliDecompress()
    : encoding === "identity" || encoding === "" ? null
    : undefined;
  if (decoder === undefined) {
    response.destroy();
    return Promise.resolve(refuse("encoding", `The site sent the page compressed as "${encoding}", which can't be read.`));
  }

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Result<Uint8Array>) => {
      if (done) return;
      done = true;
      signal.removeEventListener("abort", onAbort);
      if (!result.ok) {
        response.destroy();
        decoder?.destroy();
      }
      resolve(result);
    };
    const onAbort = () => finish(refuse("timeout", "The site took too long to send the page."));
    signal.addEventListener("abort", onAbort, { once: true });

    const source = decoder ?? response;
    source.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > settings.maxBytes) return finish(tooLarge());
      chunks.push(chunk);
    });
    source.on("end", () => finish(ok(new Uint8Array(Buffer.concat(chunks, size)))));
    source.on("error", () =>
      finish(decoder ? refuse("encoding", "The site sent a damaged compressed page.") : refuse("network", "The connection broke while the page was downloading. Try again.")),
    );
    if (decoder) {
      response.on("error", () => finish(refuse("network", "The connection broke while the page was downloading. Try again.")));
      response.pipe(decoder);
    }
    response.on("aborted", () => finish(refuse("network", "The connection broke while the page was downloading. Try again.")));
  });
}

function networkFailure(error: unknown): Failure {
  const code = (error as { code?: string } | null)?.code ?? "";
  if (code === "ECONNREFUSED") return refuse("network", "The site refused the connection. Check the address, or try again later.");
  if (code === "ECONNRESET" || code === "EPIPE") return refuse("network", "The site closed the connection. Try again later.");
  if (code === "ENETUNREACH" || code === "EHOSTUNREACH") return refuse("network", "The site can't be reached from here.");
  if (code.startsWith("ERR_TLS") || code.includes("CERT") || code === "DEPTH_ZERO_SELF_SIGNED_CERT" || code === "SELF_SIGNED_CERT_IN_CHAIN") {
    return refuse("network", "The site's security certificate could not be verified, so it was not fetched.");
  }
  if (code === "HPE_HEADER_OVERFLOW" || code.startsWith("HPE_")) return refuse("network", "The site sent a response that is not valid HTTP.");
  return refuse("network", "The site could not be reached. Check the address, or try again later.");
}

async function defaultLookup(hostname: string): Promise<ResolvedAddress[]> {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error("aborted"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function seconds(ms: number): string {
  const value = ms / 1000;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} second${value === 1 ? "" : "s"}`;
}
