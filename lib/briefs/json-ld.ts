// schema.org structured data for the reader page: the brief as an Article whose parts are one
// ClaimReview per cited fact, each naming the sources where the claim appeared and, for a
// number, its exact QuantitativeValue. Built from the published snapshot alone.
import type { ClaimValue } from "@/lib/reconcile/facts";
import type { BriefSnapshot, SnapshotFootnote } from "./snapshot";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** UN/CEFACT codes where schema.org expects one; otherwise the unit is given as text. */
const unitCodes: Record<string, string> = { percent: "P1", GW: "A90", MW: "MAW" };

export function quantitativeValue(q: ClaimValue | null | undefined): { [key: string]: Json } | null {
  if (!q || q.unit === "date") return null;
  const num = (v: string | null) => (v == null ? null : Number(v));
  const out: { [key: string]: Json } = { "@type": "QuantitativeValue" };
  if (q.value != null) out.value = num(q.value);
  if (q.low != null) out.minValue = num(q.low);
  if (q.high != null) out.maxValue = num(q.high);
  if (q.value == null && q.low == null && q.high == null) return null;
  if (unitCodes[q.unit]) out.unitCode = unitCodes[q.unit]!;
  else if (q.unit !== "count") out.unitText = q.unit;
  return out;
}

function verdict(f: SnapshotFootnote): string {
  const sources = f.independentSources != null ? `, ${f.independentSources} independent source${f.independentSources === 1 ? "" : "s"}` : "";
  if (f.state === "conflicting") return `Disputed: sources give ${f.value}`;
  return `${f.state === "resolved" ? "Accepted" : "Agreed"}: ${f.value}${sources}`;
}

function claimReview(f: SnapshotFootnote, statement: string | undefined, url: string, datePublished: string): { [key: string]: Json } {
  const appearances = new Map<string, { [key: string]: Json }>();
  for (const s of f.sources) {
    const key = `${s.url ?? ""}|${s.title}`;
    if (appearances.has(key)) continue;
    const work: { [key: string]: Json } = { "@type": "CreativeWork", headline: s.title };
    if (s.url) work.url = s.url;
    if (s.outlet) work.publisher = { "@type": "Organization", name: s.outlet };
    if (s.author) work.author = { "@type": "Person", name: s.author };
    if (s.publishedAt) work.datePublished = s.publishedAt;
    appearances.set(key, work);
  }
  const claim: { [key: string]: Json } = { "@type": "Claim", name: `${f.subject} · ${f.attribute}`, appearance: [...appearances.values()] };
  const quantity = quantitativeValue(f.quantity);
  if (quantity) claim.about = quantity;
  return {
    "@type": "ClaimReview",
    url: `${url}#fn-${f.n}`,
    datePublished,
    claimReviewed: statement ?? `${f.subject} · ${f.attribute}: ${f.value}`,
    itemReviewed: claim,
    reviewRating: { "@type": "Rating", alternateName: verdict(f) },
    ...(f.rationale ? { reviewBody: f.rationale } : {}),
  };
}

export function readerJsonLd(snapshot: BriefSnapshot, meta: { url: string; publishedAt: string; number: number }): { [key: string]: Json } {
  const firstStatement = new Map<number, string>();
  for (const section of snapshot.sections) {
    for (const st of section.statements) for (const n of st.footnotes) if (!firstStatement.has(n)) firstStatement.set(n, st.text);
  }
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: snapshot.title,
    url: meta.url,
    datePublished: meta.publishedAt,
    version: String(meta.number),
    hasPart: snapshot.footnotes.map((f) => claimReview(f, firstStatement.get(f.n), meta.url, meta.publishedAt)),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A one-line summary for Open Graph and meta description: the first statements, trimmed. */
export function summary(snapshot: BriefSnapshot, max = 200): string {
  const text = snapshot.sections.flatMap((s) => s.statements.map((st) => st.text)).join(" ").replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}
