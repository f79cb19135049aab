import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToText, parseHtml, stripSiteName, type ParsedHtml } from "./html";
import { normalizeText } from "./normalize";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

function parsed(html: string, url?: string): ParsedHtml {
  const result = parseHtml(html, { url });
  if (!result.ok) throw new Error(`expected an article, got: ${result.message}`);
  return result.data;
}

/** Words that only appear in scripts, styles, handlers and page furniture of the fixtures. */
const NEVER_IN_TEXT = [
  "dataLayer", "gtag", "TRACKING PIXEL", "NOSCRIPT PIXEL", "onclick", "onload", "acceptCookies", "font-family",
  "SECRET_NONCE_VALUE", "console.log", "__PAYWALL__", "<p>", "<script", "Advertisement",
];

describe("parseHtml on news-site fixtures", () => {
  describe("news-wire.html (wire story: cookie banner, nav, ads, related rail, JSON-LD NewsArticle)", () => {
    const article = parsed(fixture("news-wire.html"));

    it("keeps the article body, in order, with paragraphs as blank-line-separated blocks", () => {
      expect(article.text.startsWith("SAN FRANCISCO, Feb 27 (Global Wire) - OpenAI said on Friday it had agreed a $110 billion funding round")).toBe(true);
      expect(article.text).toContain("\n\nThe round values the ChatGPT maker at $730 billion before the new money");
      expect(article.text).toContain("$15 billion is to be paid upfront and $35 billion is contingent on milestones");
      expect(article.text).toContain("declined to comment on the financing of its share.");
      expect(article.text).toContain("seeking as much as $100 billion.");
      const paragraphs = article.text.split("\n\n");
      expect(paragraphs.length).toBeGreaterThanOrEqual(7);
      expect(paragraphs.every((p) => !p.includes("\n"))).toBe(true);
    });

    it("drops nav, cookie banner, ads, inline read-more, related rail and footer", () => {
      for (const furniture of [
        "We use cookies", "Accept all", "Breakingviews", "Search Global Wire", "Scroll to continue",
        "Anthropic weighs new round", "xAI closes $20 billion", "Most read", "Winter storm", "Careers",
        "All rights reserved", "Share on X", "Copy link",
      ]) {
        expect(article.text, furniture).not.toContain(furniture);
      }
    });

    it("never lets scripts, styles or event handlers into the text", () => {
      for (const word of NEVER_IN_TEXT) expect(article.text, word).not.toContain(word);
    });

    it("reads the metadata", () => {
      expect(article).toMatchObject({
        title: "OpenAI announces $110 billion funding round led by Amazon, Nvidia", // " | Global Wire" dropped
        author: "Jane Doe, Max Roe",
        siteName: "Global Wire",
        canonicalUrl: "https://www.globalwire.example/technology/openai-funding-round-2026-02-27/",
        publishedAt: "2026-02-27",
      });
    });

    it("returns normalized text", () => {
      expect(normalizeText(article.text)).toBe(article.text);
    });
  });

  describe("tech-blog.html (WordPress: Yoast @graph JSON-LD, table, list, code, newsletter box, comments)", () => {
    const article = parsed(fixture("tech-blog.html"));

    it("keeps headings, table rows, list items and code", () => {
      expect(article.text.startsWith("Every headline about OpenAI’s raise this quarter quotes a different number.")).toBe(true);
      expect(article.text).toContain("\n\n1. The target\n\nWhen talks were first reported on February 1");
      expect(article.text).toContain("| Investor | Commitment |\n| Amazon | $50B ($15B upfront, $35B contingent) |\n| Nvidia | $30B |\n| SoftBank | $30B |\n\nCommitments as announced");
      expect(article.text).toContain("new investors joined after the announcement;\nAmazon’s contingent $35 billion is counted in full;");
      expect(article.text).toContain("pre_money = 730\nround = 122\npost_money = pre_money + round # 852");
      expect(article.text.endsWith("They are describing the same deal at different moments.")).toBe(true);
    });

    it("drops the menu, newsletter box, share bar, comments, widgets and ads", () => {
      for (const furniture of [
        "Skip to content", "Podcast", "Get TechLedger in your inbox", "No spam", "Share this", "Facebook",
        "thoughts on", "finally someone explains", "Recent Posts", "CloudGPU", "Proudly powered", "Posted in",
      ]) {
        expect(article.text, furniture).not.toContain(furniture);
      }
      for (const word of NEVER_IN_TEXT) expect(article.text, word).not.toContain(word);
    });

    it("reads the metadata from the JSON-LD graph and meta tags", () => {
      expect(article).toMatchObject({
        title: "Why OpenAI’s $122B round is really three numbers",
        author: "Priya Natarajan",
        siteName: "TechLedger",
        canonicalUrl: "https://techledger.example/2026/03/openai-round-three-numbers/",
        publishedAt: "2026-03-02",
      });
    });
  });

  describe("newspaper-paywall.html (consent overlay, paywall prompt, promo, most-viewed, og:url only)", () => {
    const article = parsed(fixture("newspaper-paywall.html"));

    it("keeps the free part of the article and the standfirst", () => {
      expect(article.text).toContain("Only $15bn is paid upfront; the rest depends on conditions neither company will spell out");
      expect(article.text).toContain("Amazon’s headline commitment to OpenAI is $50bn, but the money will not arrive at once.");
      expect(article.text).toContain("described the Amazon tranche as “a call option dressed up as an investment”.");
      expect(article.text).toContain("an initial commitment of up to $4bn was split into several instalments.");
    });

    it("drops the consent overlay, paywall prompt, newsletter promo, pull quote and onward links", () => {
      for (const furniture of [
        "842 partners", "Yes, I’m happy", "Subscribe from £1", "Continue reading with a subscription",
        "You’ve read all your free articles", "Sign up to Business Today", "Most viewed", "Rail strike",
        "Comments (212)", "Gift this article", "Cookie policy",
      ]) {
        expect(article.text, furniture).not.toContain(furniture);
      }
      expect(article.text.match(/call option dressed up/g)).toHaveLength(1);
      for (const word of NEVER_IN_TEXT) expect(article.text, word).not.toContain(word);
    });

    it("reads the byline without the job title, og:url as canonical and <time> / meta date", () => {
      expect(article).toMatchObject({
        title: "Amazon’s $50bn OpenAI bet comes with strings attached",
        author: "Alex Kim",
        siteName: "The Daily Ledger",
        canonicalUrl: "https://www.dailyledger.example/business/2026/mar/01/amazon-openai-investment-strings",
        publishedAt: "2026-03-01",
      });
    });
  });
});

describe("parseHtml on small pages", () => {
  it("never keeps scripts, styles, event handlers or hidden markup from a hostile page", () => {
    const html = `<html><head><title>Hi</title><style>p{color:red}</style></head><body>
      <p onclick="steal()">OpenAI raised <b onmouseover="x()">$122 billion</b>.<img src=x onerror="alert('img')"></p>
      <script>alert('script')</script><svg><script>alert('svg')</script></svg>
      <iframe srcdoc="<p>framed</p>"></iframe><template><p>template text</p></template>
      <p style="display:none">hidden text</p><a href="javascript:alert('link')">the link text</a>
    </body></html>`;
    const article = parsed(html);
    expect(article.text).toBe("OpenAI raised $122 billion.\n\nthe link text");
  });

  it("keeps entities decoded and <br> as a line break", () => {
    expect(parsed("<article><p>AT&amp;T &ndash; up 3&#37;<br>second line</p></article>").text).toBe("AT&T – up 3%\nsecond line");
  });

  it("resolves a relative canonical link against the page address and ignores non-http ones", () => {
    const page = (href: string) => `<html><head><link rel="canonical" href="${href}"></head><body><p>Body text of the story.</p></body></html>`;
    expect(parsed(page("/a/b?x=1#top"), "https://news.example/story").canonicalUrl).toBe("https://news.example/a/b?x=1");
    expect(parsed(page("javascript:alert(1)"), "https://news.example/story").canonicalUrl).toBeNull();
    expect(parsed(page("/relative")).canonicalUrl).toBeNull();
  });

  it("reads JSON-LD authors and publishers given by @id reference, and ignores broken JSON-LD", () => {
    const html = `<html><head><title>Plain title</title>
      <script type="application/ld+json">{ not json </script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":["NewsArticle"],"headline":"AT&amp;T&#8217;s day","author":{"@id":"#p1"},"publisher":{"@id":"#org"},"datePublished":"2026-03-31"},
        {"@type":"Person","@id":"#p1","name":"Sam Lee"},{"@type":"Organization","@id":"#org","name":"Ledger Wire"}]}</script>
      </head><body><p>Body text.</p></body></html>`;
    expect(parsed(html)).toMatchObject({ title: "AT&T’s day", author: "Sam Lee", siteName: "Ledger Wire", publishedAt: "2026-03-31" });
  });

  it("falls back to <title>, <time datetime> and rel=author", () => {
    const html = `<html><head><title>Round closes at $122B</title></head><body><article>
      <a rel="author" href="/u/ana">Ana Ruiz</a><time datetime="2026-03-31T22:00:00-07:00">Mar 31</time>
      <p>The round closed on March 31.</p></article></body></html>`;
    expect(parsed(html)).toMatchObject({ title: "Round closes at $122B", author: "Ana Ruiz", siteName: null, canonicalUrl: null, publishedAt: "2026-03-31" });
  });

  it("ignores a meta author that is a profile URL", () => {
    const html = `<html><head><meta name="author" content="https://facebook.com/someone"></head><body><p class="byline">By Kim Park</p><p>Text.</p></body></html>`;
    expect(parsed(html).author).toBe("Kim Park");
  });

  it("reads a bare fragment", () => {
    expect(parsed("<p>One.</p><p>Two.</p>").text).toBe("One.\n\nTwo.");
  });

  it.each([
    ["empty markup", "   ", "The page is empty."],
    ["only navigation and scripts", "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>", "No article text was found on this page."],
  ])("refuses %s", (_name, html, message) => {
    expect(parseHtml(html)).toEqual({ ok: false, code: "invalid_input", message });
  });

  it("parses a realistic 1 MB news page (inline CSS and state JSON, SVG sprite, mega menu, rails) well under a second", () => {
    const html = realisticOneMegabytePage();
    expect(html.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const article = parsed(html);
    const elapsed = performance.now() - started;
    expect(article.text).toMatch(/^(Headline\n\n)?Paragraph 0: OpenAI said on Friday/);
    expect(article.text).toContain("Paragraph 59:");
    expect(article.text).not.toMatch(/Section 1|Related story|Footer link|Advertisement|Tag number/);
    expect(elapsed).toBeLessThan(1000);
  });

  it("stays linear on 1 MB of dense article paragraphs (no quadratic blow-up)", () => {
    const paragraph = "<p>OpenAI said on Friday it had agreed a $110 billion funding round backed by Amazon, Nvidia and SoftBank. <a href='/x'>Read more</a> about <em>the deal</em>.</p>\n";
    let body = "";
    while (body.length < 1024 * 1024) body += paragraph.repeat(20) + "<aside class='related'><a href='/a'>Related story</a></aside><div class='ad-slot'>Advertisement</div>\n";
    const started = performance.now();
    const article = parsed(`<!doctype html><html><head><title>Big</title></head><body><nav><a href="/">Home</a></nav><article>${body}</article></body></html>`);
    expect(article.text.length).toBeGreaterThan(500_000);
    expect(article.text).not.toContain("Related story");
    expect(performance.now() - started).toBeLessThan(5000); // ~0.6 s warm on 2 cores; the bound only catches blow-ups
  });
});

/** The shape of a real 1 MB page: most bytes are CSS, hydration JSON, icons and navigation. */
function realisticOneMegabytePage(): string {
  const css = ".c{color:#111;margin:0 auto;padding:4px 8px}\n".repeat(7000);
  const state = JSON.stringify({
    props: { pageProps: { body: "<p>hydration copy</p>".repeat(10000), tags: Array.from({ length: 5000 }, (_, i) => ({ id: i, slug: `tag-${i}`, title: `Tag number ${i}` })) } },
  });
  const svg = `<svg style="display:none">${'<symbol id="i"><path d="M0 0L10 10L20 0Z M5 5L15 15"/></symbol>'.repeat(1500)}</svg>`;
  const nav = `<nav class="mega-menu"><ul>${Array.from({ length: 800 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join("")}</ul></nav>`;
  const paragraph = (i: number) =>
    `<p>Paragraph ${i}: OpenAI said on Friday it had agreed a $110 billion funding round backed by <a href="/t/amazon">Amazon</a>, Nvidia and SoftBank, valuing it at <strong>$730 billion</strong> before the money, people familiar with the matter said.</p>`;
  const body = Array.from({ length: 60 }, (_, i) => paragraph(i) + (i % 8 === 7 ? '<div class="ad-slot">Advertisement</div>' : "")).join("");
  const rail = `<aside class="related">${Array.from({ length: 250 }, (_, i) => `<div class="teaser"><a href="/story/${i}"><img src="/img/${i}.jpg" alt=""><h3>Related story ${i} about markets</h3></a><p>Teaser for story ${i}.</p></div>`).join("")}</aside>`;
  const footer = "<a href='/x'>Footer link</a> ".repeat(500);
  return `<!doctype html><html><head><title>Headline | Wire</title><style>${css}</style><script id="__NEXT_DATA__" type="application/json">${state}</script></head><body>${svg}<header>${nav}</header><main><article><h1>Headline</h1><p class="byline">By Jane Doe</p>${body}</article>${rail}</main><footer>${footer}</footer></body></html>`;
}

describe("htmlToText", () => {
  it("turns blocks into blank-line paragraphs and list items into lines", () => {
    expect(normalizeText(htmlToText("<h2>Terms</h2><ul><li>$15B upfront</li><li>$35B contingent</li></ul><p>Done.</p>"))).toBe(
      "Terms\n\n$15B upfront\n$35B contingent\n\nDone.",
    );
  });
});

describe("stripSiteName", () => {
  it.each([
    ["Headline | Global Wire", "Global Wire", "Headline"],
    ["Headline - The Daily Ledger", "The Daily Ledger", "Headline"],
    ["Headline – TechLedger", "techledger", "Headline"],
    ["Global Wire: Headline", "Global Wire", "Headline"],
    ["Headline | Other Site", "Global Wire", "Headline | Other Site"],
    ["Global Wire", "Global Wire", "Global Wire"],
    ["Headline | Site", null, "Headline | Site"],
  ])("%s (site %s)", (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});
