// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files it loads from its own package folder; postgres.js and argon2
  // are Node-only. Keep them out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2'],
  poweredByHeader: false,
  // Separate build folders let several test runs build side by side (NEXT_DIST_DIR=.next-e2e-x).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  typedRoutes: false,
};

module.exports = nextConfig;
