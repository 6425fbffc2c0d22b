// @ts-check

// On every response, including the paths proxy.ts skips (static chunks, images, next-auth's routes).
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
];

// Pages and the other routes get their policy, with a per-request script nonce, from proxy.ts
// (lib/server/csp.ts). The paths it skips serve no scripts of their own; next-auth's fallback pages
// (sign-out confirmation) use inline styles and post a form to themselves.
const PROXY_SKIPPED = ['/_next/static/:path*', '/_next/image', '/favicon.ico', '/api/auth/:path*'];
const fixedCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files it loads from its own package folder; postgres.js and argon2
  // are Node-only. Keep them out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2'],
  poweredByHeader: false,
  // Separate build folders let several test runs build side by side (NEXT_DIST_DIR=.next-e2e-x).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  typedRoutes: false,
  // `npm test` type-checks the whole project, the route types `next typegen` writes included, before
  // it builds (scripts/test.ts), and then builds with NEXT_BUILD_TYPECHECKED=1 so the build does not
  // check the same files again (~18 s on two cores). Every other build checks its types.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_TYPECHECKED === '1' },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // HSTS only where the client reached us over https (Next sets x-forwarded-proto when no
      // proxy in front did); browsers ignore it over http anyway.
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
      ...PROXY_SKIPPED.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: fixedCsp }] })),
    ];
  },
};

module.exports = nextConfig;
