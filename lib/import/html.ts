import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { fail, ok, type Result } from "@/lib/result";
import { toIsoDate } from "./dates";
import { MAX_IMPORT_BYTES } from "./decode";
import { normalizeText } from "./normalize";

// HTML → article text + metadata. The markup is parsed into an inert server-side DOM
// (linkedom: no scripts run, nothing is fetched), read by Mozilla's Readability, and only
// text nodes come out: scripts, styles, event handlers and other markup never reach the text.

export type HtmlMetadata = {
  title: string | null;
  author: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
};

export type ParsedHtml = HtmlMetadata & { text: string };

export type ParseHtmlOptions = {
  /** The page's own address, to resolve a relative canonical link. */
  url?: string | null;
};

type Doc = ReturnType<typeof parseHTML>["document"];
type El = Element;

/** Elements whose content is never article text. */
const NEVER_TEXT = [
  "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
  "svg", "math", "canvas", "audio", "video", "source", "track", "map", "form", "button", "input",
  "select", "option", "textarea", "dialog", "link", "meta", "base", "head > title",
];

/** Page furniture removed before Readability looks for the article. */
const FURNITURE = [
  "nav", "aside", "body > header", "body > footer", "[role=navigation]", "[role=banner]", "[role=complementary]",
  "[role=contentinfo]", "[role=dialog]", "[role=alertdialog]", "[aria-modal=true]", "[hidden]", "[aria-hidden=true]",
];

/** class/id tokens of cookie banners, ads, promos, paywall prompts, share bars, related rails, comments. */
const FURNITURE_TOKEN =
  /^(?:ads?|adv|advert|advertisement|adsbygoogle|ad-.+|.+-ad|.+-ads|dfp-.+|advert-.+|sponsor(?:ed)?|cookie.*|.*-cookie|consent.*|.*-consent|gdpr.*|onetrust.*|sp_message.*|paywall|paywall-.+|regwall|newsletter.*|.*-newsletter|promo|.*-promo|promo-.+|share|sharing|share-.+|.*-share|sharedaddy|social.*|related.*|.*-related|comments?|comment-list|comments-.+|most-(?:read|viewed|popular)|onward|trending|breadcrumbs?|subscribe.*|signup.*|skip-link|screen-reader-text|sidebar|widget.*|login-prompt)$/i;

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
  "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
  "ul",
]);
/** Blocks separated from a sibling of the same kind by one line break, not a blank line. */
const LINE_BLOCK = new Set(["li", "tr", "dt", "dd"]);
const CELL = new Set(["td", "th"]);
const SKIP = new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "head", "title", "button", "select", "textarea", "input", "form"]);

export function parseHtml(html: string, options: ParseHtmlOptions = {}): Result<ParsedHtml> {
  if (html.trim() === "") return fail("invalid_input", "The page is empty.");
  if (html.length > MAX_IMPORT_BYTES) return fail("invalid_input", "This page is over 5 MB, the largest import allowed.");

  const document = toDocument(html);
  const metadata = readMetadata(document, options.url ?? null);

  for (const el of queryAll(document, NEVER_TEXT.join(","))) el.remove();
  removeFurniture(document);
  stripAttributes(document);

  let text = "";
  try {
    const article = new Readability<Node>(document as unknown as Document, {
      serializer: (node) => node,
      charThreshold: 300,
      keepClasses: true, // classes never reach the text; skipping the clean-up saves time
    }).parse();
    if (article?.content) {
      text = normalizeText(nodeToText(article.content));
      metadata.title ??= cleanText(article.title);
      metadata.author ??= cleanByline(article.byline);
      metadata.siteName ??= cleanText(article.siteName);
      metadata.publishedAt ??= toIsoDate(article.publishedTime);
    }
  } catch {
    text = ""; // Readability gave up on odd markup: fall back to the whole body below.
  }
  if (text === "") {
    const body = document.body as unknown as Node | null;
    text = body ? normalizeText(nodeToText(body)) : "";
  }
  if (text === "") return fail("invalid_input", "No article text was found on this page.");

  metadata.title = stripSiteName(metadata.title, metadata.siteName);
  return ok({ text, ...metadata });
}

/** An HTML fragment (e.g. inside Markdown) → plain text with paragraph breaks. Not normalized. */
export function htmlToText(html: string): string {
  const document = toDocument(html);
  const body = document.body as unknown as Node | null;
  return body ? nodeToText(body) : "";
}

function toDocument(html: string): Doc {
  // linkedom needs a full document; a bare fragment would land outside <body>.
  const full = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(full).document;
}

function queryAll(root: Doc | El, selector: string): El[] {
  return Array.from(root.querySelectorAll(selector)) as El[];
}

function removeFurniture(document: Doc) {
  for (const el of queryAll(document, FURNITURE.join(","))) el.remove();
  for (const el of queryAll(document, "[class],[id]")) {
    if (!el.isConnected) continue;
    if (el.tagName === "BODY" || el.tagName === "HTML" || el.tagName === "MAIN" || el.tagName === "ARTICLE") continue;
    const tokens = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/).filter(Boolean);
    if (tokens.some((token) => FURNITURE_TOKEN.test(token))) el.remove();
  }
  for (const el of queryAll(document, "[style]")) {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute("style") ?? "")) el.remove();
  }
}

/** Attributes Readability reads for scoring; everything else (href, src, style, on*, data-*) goes. */
const KEEP_ATTRIBUTES = new Set(["class", "id", "rel", "itemprop", "itemtype", "role", "lang", "dir", "colspan", "rowspan"]);

function stripAttributes(document: Doc) {
  for (const el of Array.from(document.getElementsByTagName("*")) as El[]) {
    for (const name of el.getAttributeNames()) if (!KEEP_ATTRIBUTES.has(name)) el.removeAttribute(name);
  }
}

// ---------------------------------------------------------------------------------------------
// DOM → text

type Block = { text: string; line: boolean };

function nodeToText(root: Node): string {
  const blocks: Block[] = [];
  let buffer = "";
  const open: string[] = [];

  const flush = () => {
    const text = buffer.replace(/[ \t]*\n[ \t]*/g, "\n").trim();
    if (text) blocks.push({ text, line: open.some((tag) => LINE_BLOCK.has(tag)) });
    buffer = "";
  };

  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buffer += (node.nodeValue ?? "").replace(/[ \t\n\r\f]+/g, " ");
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as El).tagName.toLowerCase() : "";
    if (SKIP.has(tag)) return;
    if (tag === "br") {
      buffer += "\n";
      return;
    }
    if (tag === "img") return;
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      open.push(tag);
    }
    if (tag === "tr") {
      // A row becomes "| cell | cell |", the table form the extractor reads with its header row.
      const cells = Array.from(node.childNodes).filter((child) => child.nodeType === 1 && CELL.has((child as El).tagName.toLowerCase()));
      const texts = cells.map((cell) => inlineText(cell).replace(/\|/g, "/"));
      if (texts.some((text) => text !== "")) buffer += `| ${texts.join(" | ")} |`;
    } else if (tag === "pre") {
      const code = node.textContent ?? "";
      const textBlock = code.replace(/^\n/, "").replace(/\s+$/, "");
      if (textBlock) blocks.push({ text: textBlock, line: false });
    } else {
      for (const child of Array.from(node.childNodes)) walk(child);
    }
    if (block) {
      flush();
      open.pop();
    }
  };

  walk(root);
  flush();

  let out = "";
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (previous) out += previous.line && block.line ? "\n" : "\n\n";
    out += block.text;
  });
  return out;
}

/** The text inside one element on one line (a table cell). */
function inlineText(node: Node): string {
  let out = "";
  const walk = (current: Node) => {
    if (current.nodeType === 3) out += current.nodeValue ?? "";
    else if (current.nodeType === 1) {
      const tag = (current as El).tagName.toLowerCase();
      if (SKIP.has(tag) || tag === "img") return;
      if (tag === "br" || BLOCK.has(tag)) out += " ";
      for (const child of Array.from(current.childNodes)) walk(child);
    }
  };
  walk(node);
  return out.replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Metadata: meta tags, JSON-LD, <time>, rel=author, .byline

type JsonObject = Record<string, unknown>;

function readMetadata(document: Doc, pageUrl: string | null): HtmlMetadata {
  // One pass over the meta tags: a querySelector per key would walk the whole page each time.
  const metaTags = new Map<string, string>();
  for (const el of Array.from(document.getElementsByTagName("meta")) as El[]) {
    const content = cleanText(el.getAttribute("content"));
    if (!content) continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !metaTags.has(key)) metaTags.set(key, content);
    }
  }
  const meta = (...keys: string[]) => {
    for (const key of keys) {
      const value = metaTags.get(key.toLowerCase());
      if (value) return value;
    }
    return null;
  };
  const ld = readJsonLd(document);

  const title = meta("og:title", "twitter:title") ?? cleanText(ld.headline) ?? cleanText(document.querySelector("title")?.textContent);

  const author =
    notUrl(meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")) ??
    cleanText(ld.author) ??
    cleanByline(document.querySelector("[rel=author]")?.textContent) ??
    cleanByline(document.querySelector(".byline, [itemprop=author]")?.textContent);

  const siteName = meta("og:site_name") ?? cleanText(ld.publisher) ?? meta("application-name");

  const canonicalUrl =
    absoluteHttpUrl(document.querySelector("link[rel=canonical]")?.getAttribute("href"), pageUrl) ??
    absoluteHttpUrl(meta("og:url"), pageUrl);

  const time =
    document.querySelector("article time[datetime][pubdate], time[datetime][pubdate], time.published[datetime], article time[datetime]") ??
    document.querySelector("time[datetime]");
  const publishedAt =
    toIsoDate(meta("article:published_time", "og:published_time")) ??
    toIsoDate(ld.datePublished) ??
    toIsoDate(time?.getAttribute("datetime")) ??
    toIsoDate(meta("datePublished", "date", "pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date"));

  return { title, author, siteName, canonicalUrl, publishedAt };
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|^Report)$/;

/** headline, author names, publisher name and datePublished from the page's article JSON-LD. */
function readJsonLd(document: Doc): { headline: string | null; author: string | null; publisher: string | null; datePublished: string | null } {
  const nodes: JsonObject[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      const obj = value as JsonObject;
      nodes.push(obj);
      if (Array.isArray(obj["@graph"])) obj["@graph"].forEach(collect);
    }
  };
  for (const script of queryAll(document, 'script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken JSON-LD block is common and harmless: the meta tags still count.
    }
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node["@id"] === "string") byId.set(node["@id"], node);
  const resolve = (value: unknown): unknown => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const ref = (value as JsonObject)["@id"];
      if (typeof ref === "string" && !("name" in value) && byId.has(ref)) return byId.get(ref);
    }
    return value;
  };
  const names = (value: unknown): string | null => {
    const list = (Array.isArray(value) ? value : [value]).map(resolve);
    const found = list
      .map((item) => (typeof item === "string" ? item : item && typeof item === "object" ? (item as JsonObject).name : null))
      .filter((name): name is string => typeof name === "string" && name.trim() !== "" && !/^https?:/i.test(name))
      .map((name) => decodeEntities(name.trim()));
    return found.length ? [...new Set(found)].join(", ") : null;
  };
  const types = (node: JsonObject) => (Array.isArray(node["@type"]) ? node["@type"] : [node["@type"]]).filter((t): t is string => typeof t === "string");
  const article = nodes.find((node) => types(node).some((t) => ARTICLE_TYPE.test(t)));
  if (!article) return { headline: null, author: null, publisher: null, datePublished: null };
  const str = (value: unknown) => (typeof value === "string" && value.trim() ? decodeEntities(value.trim()) : null);
  return {
    headline: str(article.headline) ?? str(article.name),
    author: names(article.author),
    publisher: names(article.publisher),
    datePublished: str(article.datePublished),
  };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0", ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’",
  ldquo: "“", rdquo: "”", hellip: "…", eacute: "é", euro: "€", pound: "£",
};

/** Entities left in JSON-LD strings by CMSs that HTML-escape before serializing. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function cleanText(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}

function notUrl(value: string | null): string | null {
  return value && /^https?:\/\//i.test(value) ? null : value;
}

/** "By Alex Kim, Technology correspondent" → "Alex Kim". */
function cleanByline(value: string | null | undefined): string | null {
  const text = cleanText(value)
    ?.replace(/^(?:by|von|par|por)\s*:?\s+/i, "")
    .replace(/,\s*(?:[A-Z][\w-]*\s+){0,3}(?:correspondent|editor|reporter|writer|columnist|analyst|contributor)\b.*$/i, "")
    .trim();
  return text && text.length <= 200 ? text : null;
}

/** "Headline | Site", "Headline - Site", "Site: Headline" → "Headline" when the site name is known. */
export function stripSiteName(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  const site = siteName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const separators = "[|\\-–—·:»]";
  const stripped = title
    .replace(new RegExp(`\\s*${separators}\\s*${site}\\s*$`, "i"), "")
    .replace(new RegExp(`^\\s*${site}\\s*${separators}\\s*`, "i"), "")
    .trim();
  return stripped || title;
}

function absoluteHttpUrl(value: string | null | undefined, base: string | null): string | null {
  const href = value?.trim();
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}
