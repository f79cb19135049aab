import { Marked, type Token, type Tokens } from "marked";
import { toIsoDate } from "./dates";
import { htmlToText } from "./html";
import { normalizeText } from "./normalize";

// Markdown → plain text. `marked` renders it to HTML and the HTML becomes text the same way
// an imported page does: syntax goes, link text stays, images go, code stays, raw HTML inside
// the Markdown is reduced to its text (scripts and styles dropped). Soft line breaks inside a
// paragraph become spaces, as they do when Markdown is displayed.

export type ParsedMarkdown = {
  text: string;
  /** From YAML front matter `title:`, else the first `# heading`. */
  title: string | null;
  author: string | null;
  canonicalUrl: string | null;
  publishedAt: string | null;
};

const marked = new Marked({ gfm: true, async: false });

export function parseMarkdown(markdown: string): ParsedMarkdown {
  const { body, fields } = splitFrontMatter(markdown);
  const tokens = marked.lexer(body);
  const heading = tokens.find((token): token is Tokens.Heading => token.type === "heading" && token.depth === 1);
  const headingText = heading ? normalizeText(render([heading])) : "";
  return {
    text: normalizeText(render(tokens)),
    title: fields.title ?? (headingText || null),
    author: fields.author ?? null,
    canonicalUrl: httpUrl(fields.canonical_url ?? fields.canonical ?? fields.url),
    publishedAt: toIsoDate(fields.date ?? fields.published ?? fields.publishedat ?? fields.published_at),
  };
}

function render(tokens: Token[]): string {
  const list = Object.assign([...tokens], { links: {} }) as Token[] & { links: Record<string, never> };
  return htmlToText(marked.parser(list));
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** A leading YAML block of simple `key: value` lines (Jekyll, Hugo, Obsidian). */
function splitFrontMatter(markdown: string): { body: string; fields: Record<string, string> } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { body: markdown, fields: {} };
  const lines = (match[1] ?? "").split(/\r?\n/);
  // Only YAML-looking blocks: key lines, list items, indented continuations, comments, blanks.
  if (!lines.every((line) => /^\s*$|^\s*#|^[\w-]+\s*:|^\s+\S|^\s*-\s/.test(line))) return { body: markdown, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of lines) {
    const kv = /^([\w-]+)\s*:\s*(.+?)\s*$/.exec(line);
    if (!kv?.[1] || !kv[2]) continue;
    const value = kv[2].replace(/^(["'])(.*)\1$/, "$2").trim();
    if (value) fields[kv[1].toLowerCase()] ??= value;
  }
  return { body: markdown.slice(match[0].length), fields };
}

function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
