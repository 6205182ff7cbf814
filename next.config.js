/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM build that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Waldur's paths end in "/" and its clients expect a direct answer, not a 308.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  // The UCloud registration view became a tab of the provider page, its list a filter of /providers.
  async redirects() {
    return [
      { source: "/registered-providers", destination: "/providers?source=registration", permanent: true },
      { source: "/registered-providers/:id", destination: "/providers/:id?tab=registration", permanent: true },
    ];
  },
  async headers() {
    // APIs answer JSON only: nothing may load or frame it. (Pages get a nonce CSP from proxy.ts.)
    const apiPolicy = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" };
    return [
      ...["/api/:path*", "/v1/:path*", "/accounting-system/:path*", "/auth/:path*"].map((source) => ({
        source,
        headers: [apiPolicy],
      })),
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
