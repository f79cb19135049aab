import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ReaderEnhancer } from "@/components/briefs/reader-enhancer";
import { ReaderFootnote } from "@/components/briefs/reader-footnote";
import { describeChange } from "@/lib/briefs/diff";
import { jsonLdScript, readerJsonLd, summary } from "@/lib/briefs/json-ld";
import { formatDate } from "@/lib/format";
import { shareLinks } from "@/lib/server/data/share-links";
import { ViewBeacon } from "./view-beacon";
import "./reader.css";

// The public reader: a share token opens one published version and nothing else. It never
// calls authorize(); the token is the whole credential. Rendered per request by Next.js; in
// production the rendered HTML is cached in front of Next (lib/server/cache/reader-cache.ts),
// which checks the link in Postgres on every request, so revoking and expiry apply at once
// and publishing re-renders. Rendering writes nothing: the page counts its view with a
// beacon from the browser, so a cached copy is counted too.
const open = cache(async (token: string) => {
  await connection();
  const target = await shareLinks.find(token);
  return target ? shareLinks.published(target) : null;
});

// The copy is served to every reader of the link, so its address comes from the
// configuration, never from the request's Host header.
async function pageUrl(token: string): Promise<string> {
  const base = process.env.PUBLIC_BASE_URL;
  if (base) return `${base.replace(/\/$/, "")}/b/${token}`;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}/b/${token}`;
}

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const { token } = await params;
  const brief = await open(token);
  if (!brief) return { title: "Not found", robots: { index: false, follow: false } };
  const description = summary(brief.snapshot);
  return {
    title: brief.title,
    description,
    robots: brief.allowIndexing ? { index: true, follow: true } : { index: false, follow: false, nocache: true },
    openGraph: {
      type: "article",
      title: brief.title,
      description,
      url: await pageUrl(token),
      siteName: "Corroborate",
      publishedTime: brief.publishedAt,
    },
    twitter: { card: "summary", title: brief.title, description },
  };
}

export default async function ReaderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const brief = await open(token);
  if (!brief) notFound();
  const { snapshot } = brief;
  const jsonLd = readerJsonLd(snapshot, { url: await pageUrl(token), publishedAt: brief.publishedAt, number: brief.number });
  return (
    <main className="reader mx-auto max-w-3xl px-4 py-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }} />
      <ReaderEnhancer />
      <ViewBeacon />
      <p className="text-xs uppercase tracking-wide text-stone-500" data-testid="reader-version">
        Brief · version {brief.number} · published {formatDate(brief.publishedAt)}
        {brief.corrections.length ? <> · <a href="#corrections" className="text-sky-700 underline">corrected</a></> : null}
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold leading-tight">{snapshot.title}</h1>
      {snapshot.overrideNote ? (
        <aside role="note" aria-label="Editor's note" data-testid="override-note" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <strong>Editor&apos;s note:</strong> {snapshot.overrideNote}
        </aside>
      ) : null}
      <div className="mt-6 space-y-6 font-serif text-lg leading-relaxed">
        {snapshot.sections.map((section, i) => (
          <section key={i} className="space-y-3">
            {section.heading ? <h2 className="font-sans text-xl font-semibold">{section.heading}</h2> : null}
            {section.statements.map((st, j) => (
              <p key={j}>
                {st.text}
                {st.footnotes.map((n) => (
                  <sup key={n} className="ml-0.5 font-sans text-sm"><a href={`#fn-${n}`} id={`ref-${n}-${i}-${j}`} className="text-sky-700">[{n}]</a></sup>
                ))}
              </p>
            ))}
          </section>
        ))}
      </div>
      {snapshot.footnotes.length ? (
        <section aria-label="Sources" className="mt-10 border-t border-stone-300 pt-6">
          <h2 className="text-lg font-semibold">Sources</h2>
          <ol className="mt-3 space-y-6 text-sm">
            {snapshot.footnotes.map((f) => <ReaderFootnote key={f.n} f={f} />)}
          </ol>
        </section>
      ) : null}
      {brief.corrections.length ? (
        <section id="corrections" aria-label="Corrections" className="mt-10 border-t border-stone-300 pt-6 text-sm">
          <h2 className="text-lg font-semibold">Corrections</h2>
          <ol className="mt-3 space-y-4">
            {brief.corrections.map((c) => (
              <li key={c.number} className="correction" data-testid="correction">
                <div className="font-medium">Version {c.number} · {formatDate(c.publishedAt)}</div>
                {c.changeNote ? <p className="mt-1">{c.changeNote}</p> : null}
                {c.changes.length ? (
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-stone-700">
                    {c.changes.map((change, k) => <li key={k}>{describeChange(change)}</li>)}
                  </ul>
                ) : <p className="mt-1 text-stone-600">Republished without changes to the text.</p>}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <footer className="mt-10 text-xs text-stone-500">Made with Corroborate. Every figure above links to the words of its source.</footer>
    </main>
  );
}
