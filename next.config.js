/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server actions carry pasted articles and uploaded files (up to 5 MB each, several at once).
  experimental: { serverActions: { bodySizeLimit: "60mb" } },
  poweredByHeader: false,
  // Metadata (title, Open Graph, robots) always in <head>, never streamed after it: the reader
  // cache keeps one rendering per link for every visitor, crawlers and link previews included.
  htmlLimitedBots: /.*/,
  // Loaded by Node at run time rather than bundled: they read files relative to themselves.
  serverExternalPackages: ["pg-boss", "pdfjs-dist", "linkedom", "@mozilla/readability"],
  typedRoutes: false,
  async redirects() {
    return [
      { source: "/signin", destination: "/login", permanent: false },
      { source: "/register", destination: "/signup", permanent: false },
    ];
  },
};
export default nextConfig;
