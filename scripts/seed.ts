// `npm run db:seed`: migrate and load the demo data into an empty database. Refuses to open a
// PGlite folder that a running server holds (db/folder-lock.ts).
import { configFromEnv, openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { isDatabaseEmpty, seedDemoData } from '../lib/seed';

async function main() {
  const handle = await openDb(configFromEnv());
  try {
    await migrateDb(handle);
    if (!(await isDatabaseEmpty(handle.db))) {
      console.log('[seed] the database already has data; nothing loaded. (Delete the PGlite folder or use an empty database to reseed.)');
      return;
    }
    const summary = await seedDemoData(handle.db);
    console.log('[seed] demo data loaded:', summary);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(`[seed] ${(e as Error).message}`);
  process.exit(1);
});
