// `npm run db:restore -- FILE`: a backup from `npm run db:backup` into an EMPTY database — a new
// PostgreSQL database named by DATABASE_URL, or a PGlite folder (PGLITE_DIR) that does not exist
// yet. It never overwrites data; then it checks the migration history and prints the row counts.
import { databaseFingerprint, restorePglite, restorePostgres } from '../db/backup';
import { configFromEnv, openDb } from '../db/client';
import { migrationState } from '../db/migrate';

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run db:restore -- FILE');
  const config = configFromEnv();
  if (config.databaseUrl) {
    const handle = await openDb({ ...config, poolMax: 1 });
    try {
      await restorePostgres(handle.db, config.databaseUrl, file);
    } finally {
      await handle.close();
    }
  } else await restorePglite(file, config.pgliteDir!);
  const handle = await openDb(config);
  try {
    const m = await migrationState(handle.db);
    const fp = await databaseFingerprint(handle.db);
    console.log(
      `[restore] ${fp.length} tables, ${fp.reduce((s, t) => s + t.rows, 0)} rows; migrations ${m.applied}/${m.expected}${m.upToDate ? '' : ' — the app applies the rest on start'}`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(`[restore] ${(e as Error).message}`);
  process.exit(1);
});
