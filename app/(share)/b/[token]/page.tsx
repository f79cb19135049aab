import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Quote } from "@/components/evidence/quote";
import { formatDate } from "@/lib/format";
import { shareLinks } from "@/lib/server/data/share-links";

// The public reader: a share token opens one published version and nothing else. It never
// calls authorize(); the token is the whole credential.
const open = cache((token: string) => shareLinks.open(token));

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const { token } = await params;
  const brief = await open(token);
  return brief ? { title: brief.title, robots: { index: false, follow: false } } : { title: "Not found" };
}

export default async function ReaderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const brief = await open(token);
  if (!brief) notFound();
  const { snapshot } = brief;
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-xs uppercase tracking-wide text-stone-500">Brief · version {brief.number} · published {formatDate(brief.publishedAt)}</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold leading-tight">{snapshot.title}</h1>
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
          <ol className="mt-3 space-y-5 text-sm">
            {snapshot.footnotes.map((f) => (
              <li key={f.n} id={`fn-${f.n}`} data-testid="footnote" className="scroll-mt-6">
                <div className="font-medium">[{f.n}] {f.subject} · {f.attribute}: {f.value}</div>
                {f.rationale ? <p className="mt-1 text-stone-700">{f.rationale}</p> : null}
                <ul className="mt-2 space-y-2">
                  {f.sources.map((s, k) => (
                    <li key={k}>
                      <Quote text={s.quote} figure={s.valueText} className="text-base" />
                      <div className="mt-1 text-stone-600">
                        {s.url ? <a className="text-sky-700 underline" href={s.url} rel="noopener noreferrer nofollow">{s.title}</a> : <cite className="not-italic">{s.title}</cite>}
                        {" · "}{s.outlet ?? "outlet unknown"} · {formatDate(s.publishedAt)}
                      </div>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <footer className="mt-10 text-xs text-stone-500">Made with Corroborate. Every figure above links to the words of its source.</footer>
    </main>
  );
}
