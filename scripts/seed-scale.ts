// `npm run db:seed:scale -- --tier S|M|L`: adds a tier of realistic, deterministic scale data on top
// of the demo data (issue 10). Migrates first, and loads the demo data when the database is empty.
// Meant for a PostgreSQL server (DATABASE_URL); on PGlite only tier XS/S are reasonable.
//   S  (CI smoke, < 30 s)  1k enterprises, 100 products, 3k needs, 10k applications, 3k loans
//   M                     100k enterprises, 2k products, 300k needs, 1M applications, 300k loans
//   L  (province)         1M enterprises, 10k products, 3M needs, 10M applications, 3M loans
import { configFromEnv, openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { isDatabaseEmpty, seedDemoData } from '../lib/seed';
import { analyzeScaleTables, seedScale, TIERS } from '../lib/seed/scale';

function tierArg(argv: string[]): string {
  const i = argv.findIndex((a) => a === '--tier' || a.startsWith('--tier='));
  if (i < 0) return 'S';
  return argv[i].includes('=') ? argv[i].slice('--tier='.length) : (argv[i + 1] ?? '');
}

async function main() {
  const tier = tierArg(process.argv.slice(2));
  if (!TIERS[tier.toUpperCase() as keyof typeof TIERS]) {
    console.error(`usage: npm run db:seed:scale -- --tier ${Object.keys(TIERS).join('|')}`);
    process.exit(2);
  }
  const config = configFromEnv();
  if (!config.databaseUrl) console.error('[scale] DATABASE_URL is not set: loading into PGlite, which is slow beyond tier S.');
  // Its own name in pg_stat_activity: the bench's clean-up between runs cancels the app's statements,
  // not a load running beside it.
  const handle = await openDb({ ...config, poolMax: 1, statementTimeoutMs: 0, applicationName: 'kerongtong-scale' });
  try {
    await migrateDb(handle);
    if (await isDatabaseEmpty(handle.db)) {
      console.error('[scale] empty database: loading the demo data first');
      await seedDemoData(handle.db);
    }
    const t0 = Date.now();
    const result = await seedScale(handle.db, tier);
    const a0 = Date.now();
    await analyzeScaleTables(handle.db);
    console.error(`[scale] analyze: ${((Date.now() - a0) / 1000).toFixed(1)} s`);
    console.error(`[scale] tier ${result.tier}: ${result.rows.toLocaleString('en-US')} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  const err = e as Error & { cause?: Error };
  console.error(`\n[scale] ${err.cause?.message ?? err.message}`);
  if (process.env.SCALE_DEBUG) console.error(err.message);
  process.exit(1);
});
