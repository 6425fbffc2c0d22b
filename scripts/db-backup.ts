// `npm run db:backup -- FILE`: the whole database into FILE — pg_dump's custom format for a
// PostgreSQL server (DATABASE_URL), the data folder as a tarball for the embedded PGlite (stop the
// app first: the folder lock refuses while it runs). Prints the row counts it saved.
import { backupPglite, backupPostgres, databaseFingerprint } from '../db/backup';
import { configFromEnv, openDb } from '../db/client';

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run db:backup -- FILE');
  const config = configFromEnv();
  if (config.databaseUrl) backupPostgres(config.databaseUrl, file);
  else await backupPglite(config.pgliteDir!, file);
  const handle = await openDb(config);
  try {
    const fp = await databaseFingerprint(handle.db);
    console.log(`[backup] ${file}: ${fp.length} tables, ${fp.reduce((s, t) => s + t.rows, 0)} rows (${config.databaseUrl ? 'PostgreSQL' : 'PGlite'})`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(`[backup] ${(e as Error).message}`);
  process.exit(1);
});
