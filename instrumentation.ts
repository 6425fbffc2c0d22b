// Next.js calls register() once per server instance before it serves requests: migrate (and seed an
// empty database with the demo data), then start the periodic jobs (lib/jobs; JOBS=off disables
// them on this instance, e.g. for a dedicated web tier when another instance runs them).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { bootstrap } = await import('./lib/server/bootstrap');
  await bootstrap();
  // The catalogue version as this instance knows it, for the page cache in scripts/server.ts
  // (lib/server/page-cache.ts), which runs outside Next's bundle.
  const [{ getDb: db }, { publicCatalogueVersion }, { setCatalogueVersionSource }, { makePrivatePageSource }, { setPrivatePageSource }] = await Promise.all([
    import('./db'),
    import('./lib/products/public-cache'),
    import('./lib/server/render-reads'),
    import('./lib/server/private-page-source'),
    import('./lib/server/session-reads'),
  ]);
  setCatalogueVersionSource(async () => publicCatalogueVersion(await db()));
  // The signed-in users' page cache's key (lib/server/private-page-cache.ts): the secret next-auth uses.
  const secret = process.env.NEXTAUTH_SECRET;
  if (secret) setPrivatePageSource(makePrivatePageSource(db, secret));
  if (process.env.JOBS !== 'off') {
    const [{ getDb }, { startScheduler }, { APP_JOBS }] = await Promise.all([import('./db'), import('./lib/jobs/scheduler'), import('./lib/jobs/app-jobs')]);
    const scheduler = startScheduler(await getDb(), APP_JOBS);
    void scheduler.tick();
  }
}
