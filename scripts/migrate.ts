// `npm run db:migrate`: apply pending migrations (the server also does this on start).
import { configFromEnv, openDb } from '../db/client';
import { migrateDb, migrationState } from '../db/migrate';

async function main() {
  const handle = await openDb(configFromEnv());
  try {
    await migrateDb(handle);
    console.log('[migrate]', handle.kind, await migrationState(handle.db));
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(`[migrate] ${(e as Error).message}`);
  process.exit(1);
});
