// A published version leaves the app as Markdown (footnotes with their quotes), JSON (the
// snapshot itself), and its sources as RIS and CSL-JSON for reference managers. Pure: the
// route handler authorizes and loads the version, these only render it.
import { formatDate } from "@/lib/format";
import type { BriefSnapshot, SourceArticle } from "./snapshot";

export type ExportMeta = { number: number; publishedAt: string };
export type ExportFormat = "markdown" | "json" | "ris" | "csl";

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
/** Escapes the characters Markdown would read as markup inside running text. */
const md = (s: string) => oneLine(s).replace(/([\\`*_[\]<>#|])/g, "\\$1");

export function toMarkdown(snapshot: BriefSnapshot, meta: ExportMeta): string {
  const out: string[] = [`# ${md(snapshot.title)}`, "", `_Version ${meta.number}, published ${formatDate(meta.publishedAt)}._`, ""];
  if (snapshot.overrideNote) out.push(`> **Editor's note:** ${md(snapshot.overrideNote)}`, "");
  for (const section of snapshot.sections) {
    if (section.heading) out.push(`## ${md(section.heading)}`, "");
    for (const st of section.statements) out.push(`${md(st.text)}${st.footnotes.map((n) => `[^${n}]`).join("")}`, "");
  }
  for (const f of snapshot.footnotes) {
    const head = [`${md(f.subject)} · ${md(f.attribute)}: **${md(f.value)}**`];
    if (f.independentSources != null && f.state !== "conflicting") head.push(`${f.independentSources} independent source${f.independentSources === 1 ? "" : "s"}`);
    if (f.state === "conflicting") head.push("sources disagree");
    out.push(`[^${f.n}]: ${head.join("; ")}.${f.rationale ? ` ${md(f.rationale)}` : ""}`);
    for (const s of f.sources) {
      const where = [s.outlet, s.title, formatDate(s.publishedAt)].filter(Boolean).map((x) => md(String(x))).join(", ");
      out.push(`    - “${md(s.quote)}” — ${s.url ? `[${where}](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : where}`);
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

export function toJson(snapshot: BriefSnapshot, meta: ExportMeta): string {
  return `${JSON.stringify({ format: "corroborate-brief", formatVersion: 1, number: meta.number, publishedAt: meta.publishedAt, ...snapshot }, null, 2)}\n`;
}

/** Each article cited anywhere in the version, once, in order of first citation. */
export function sourcesOf(snapshot: BriefSnapshot): SourceArticle[] {
  const seen = new Map<string, SourceArticle>();
  for (const f of snapshot.footnotes) {
    for (const s of f.sources) {
      const key = `${s.url ?? ""}|${s.title}|${s.outlet ?? ""}`;
      if (!seen.has(key)) seen.set(key, { title: s.title, outlet: s.outlet, author: s.author, url: s.url, publishedAt: s.publishedAt });
    }
  }
  return [...seen.values()];
}

const risField = (tag: string, value: string | null | undefined) => (value ? [`${tag}  - ${oneLine(value)}`] : []);

export function toRis(sources: readonly SourceArticle[]): string {
  return sources
    .map((s) => {
      const date = s.publishedAt?.slice(0, 10) ?? null;
      return [
        "TY  - NEWS",
        ...risField("TI", s.title),
        ...(s.author ? s.author.split(/\s*(?:,| and )\s*/).filter(Boolean).flatMap((a) => risField("AU", a)) : []),
        ...risField("T2", s.outlet),
        ...risField("PY", date?.slice(0, 4)),
        ...risField("DA", date?.replaceAll("-", "/")),
        ...risField("UR", s.url),
        "ER  - ",
      ].join("\r\n");
    })
    .join("\r\n\r\n")
    .concat(sources.length ? "\r\n" : "");
}

type CslItem = {
  id: string; type: "article-newspaper"; title: string; "container-title"?: string; author?: { literal: string }[]; URL?: string;
  issued?: { "date-parts": number[][] };
};

export function toCslJson(sources: readonly SourceArticle[]): CslItem[] {
  return sources.map((s, i) => {
    const item: CslItem = { id: `source-${i + 1}`, type: "article-newspaper", title: s.title };
    if (s.outlet) item["container-title"] = s.outlet;
    if (s.author) item.author = s.author.split(/\s*(?:,| and )\s*/).filter(Boolean).map((literal) => ({ literal }));
    if (s.url) item.URL = s.url;
    const date = s.publishedAt?.slice(0, 10).split("-").map(Number).filter((n) => Number.isFinite(n) && n > 0);
    if (date?.length) item.issued = { "date-parts": [date] };
    return item;
  });
}

export const exportFormats: Record<ExportFormat, { extension: string; contentType: string }> = {
  markdown: { extension: "md", contentType: "text/markdown; charset=utf-8" },
  json: { extension: "json", contentType: "application/json; charset=utf-8" },
  ris: { extension: "ris", contentType: "application/x-research-info-systems; charset=utf-8" },
  csl: { extension: "csl.json", contentType: "application/vnd.citationstyles.csl+json; charset=utf-8" },
};

export function renderExport(format: ExportFormat, snapshot: BriefSnapshot, meta: ExportMeta): string {
  switch (format) {
    case "markdown": return toMarkdown(snapshot, meta);
    case "json": return toJson(snapshot, meta);
    case "ris": return toRis(sourcesOf(snapshot));
    case "csl": return `${JSON.stringify(toCslJson(sourcesOf(snapshot)), null, 2)}\n`;
  }
}

/** A file name from the title: lower-case words joined by hyphens, ASCII only. */
export function exportFileName(title: string, number: number, format: ExportFormat): string {
  const base = title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_]+/g, "-").slice(0, 60) || "brief";
  return `${base}-v${number}.${exportFormats[format].extension}`;
}
