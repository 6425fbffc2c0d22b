// Heavy reads (the admin dashboard, /api/v1/figures, exports, the public catalogue and products
// API) through the read replica when DATABASE_REPLICA_URL is set, else the primary:
//
//   const figures = await withReadDb((db) => zoneFigures(db, filter));
//
// A replica that cannot be reached is logged once, counted (krt_db_replica_fallbacks_total,
// krt_db_replica_up) and skipped for REPLICA_RETRY_MS (10 s); its reads run on the primary, so
// the app keeps serving. Writes, and reads that must see a write just made, use getDb(). The zone's
// figures go through withFiguresDb: the same, with the figures' own pool on the primary.
import { getDb, getFiguresDb, getReplicaHandle } from '../../db/index';
import type { Db } from '../../db/client';
import { createReadRouter, type ReadOptions, type ReadRouter } from '../../db/replica';
import { log } from './log';
import { replicaFellBack, replicaState } from './metrics';

const g = globalThis as unknown as { __krtReadRouter?: Promise<ReadRouter>; __krtFiguresRouter?: Promise<ReadRouter> };

async function makeRouter(primary: Db, pool: string): Promise<ReadRouter> {
  const replica = await getReplicaHandle();
  if (replica) replicaState(true);
  return createReadRouter(primary, replica?.db, {
    retryAfterMs: Number(process.env.REPLICA_RETRY_MS || 10_000),
    events: {
      down: (err) => {
        replicaState(false);
        log().warn({ err, pool }, 'read replica unreachable: heavy reads go to the primary until it answers again');
      },
      up: () => {
        replicaState(true);
        log().info({ pool }, 'read replica answers again: heavy reads go back to it');
      },
      fellBack: replicaFellBack,
    },
  });
}

/** The router over `primary` (opened once per process, kept on globalThis under `slot`). */
function router(slot: '__krtReadRouter' | '__krtFiguresRouter', primary: () => Promise<Db>, pool: string): Promise<ReadRouter> {
  g[slot] ??= primary()
    .then((db) => makeRouter(db, pool))
    .catch((e) => {
      g[slot] = undefined;
      throw e;
    });
  return g[slot];
}

export function readRouter(): Promise<ReadRouter> {
  return router('__krtReadRouter', getDb, 'primary');
}

/** Runs a read on the replica (or the primary without one, or while it is unreachable). */
export async function withReadDb<T>(fn: (db: Db) => Promise<T>, options?: ReadOptions): Promise<T> {
  return (await readRouter()).read(fn, options);
}

/**
 * Runs a figure computation as withReadDb does, but on the primary through the figures' own pool
 * (db/index.ts getFiguresDb: a longer statement timeout, a few connections of its own).
 */
export async function withFiguresDb<T>(fn: (db: Db) => Promise<T>, options?: ReadOptions): Promise<T> {
  return (await router('__krtFiguresRouter', getFiguresDb, 'figures')).read(fn, options);
}
