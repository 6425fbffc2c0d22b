// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files it loads from its own package folder; postgres.js and argon2
  // are Node-only. Keep them out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2'],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
