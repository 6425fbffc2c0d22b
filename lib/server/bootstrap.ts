// Runs once when an app server starts: open (which migrates) and, unless SEED_DEMO=false, load the
// demo data into an empty database. Several instances starting together: one seeds, under a lock.
import { sql } from 'drizzle-orm';
import { getDbHandle, type Db } from '../../db/index';
import { isDatabaseEmpty, seedDemoData } from '../seed/index';

const SEED_LOCK_KEY = 7_401_202_612;

export async function bootstrap(): Promise<void> {
  const handle = await getDbHandle();
  if (process.env.SEED_DEMO === 'false') return;
  // A transaction-scoped lock: released with the transaction, on the connection that took it.
  await handle.db.transaction(async (tx) => {
    const db: Db = tx;
    if (handle.kind === 'postgres') await db.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await isDatabaseEmpty(db)) {
      const t0 = Date.now();
      const summary = await seedDemoData(db);
      console.log(`[bootstrap] demo data loaded in ${Date.now() - t0} ms`, summary);
    }
  });
}
