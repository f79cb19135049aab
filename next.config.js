/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server actions carry pasted article text; the default 1 MB is too small for long pieces.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  poweredByHeader: false,
  typedRoutes: false,
  async redirects() {
    return [
      { source: "/signin", destination: "/login", permanent: false },
      { source: "/register", destination: "/signup", permanent: false },
    ];
  },
};
export default nextConfig;
