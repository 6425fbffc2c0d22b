// How busy a handle's connections are, for /api/metrics. Where db/client.ts gates the postgres.js
// pool (its acquire timeout), the gate's counts are read. Otherwise (PGlite, which reports nothing)
// the handle's client is wrapped where drizzle calls it: a query outside a transaction
// holds a connection while it runs (postgres.js `unsafe`, PGlite `query`), and a transaction holds
// one from begin to commit (`begin`, `transaction`). Work beyond the pool's size waits. The figures
// are this instance's view; pg_stat_activity shows the server's.
import type { DbHandle } from './client';

export interface PoolStats {
  inUse: number;
  waiting: number;
  max: number;
}

type Method = (...args: unknown[]) => unknown;
const STATS = Symbol.for('krt.poolStats');

function isThenable(v: unknown): v is PromiseLike<unknown> & { then: Method } {
  return !!v && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/** Wraps the handle's client once; returns a reader of its current use. */
export function instrumentPool(handle: DbHandle): () => PoolStats {
  const client = (handle.db as unknown as { $client: Record<string | symbol, unknown> }).$client;
  const existing = client[STATS] as (() => PoolStats) | undefined;
  if (existing) return existing;
  const max = handle.kind === 'postgres' ? Number((client.options as { max?: number } | undefined)?.max ?? 10) : 1;
  // db/client.ts's own gate (the pool's acquire timeout), where the client has one, counts exactly this.
  const gate = client.gate as { inUse: number; queued: number } | undefined;
  if (gate && typeof gate.inUse === 'number') {
    const fromGate = (): PoolStats => ({ inUse: gate.inUse, waiting: gate.queued, max });
    client[STATS] = fromGate;
    return fromGate;
  }
  let active = 0;

  // postgres.js queries are lazy: they run when first awaited (after drizzle's .values()), so the
  // count starts at the first `then`, once, and ends when the query settles. Native promises
  // (PGlite's queries, both drivers' transactions) run from the call.
  const track = (result: unknown): unknown => {
    if (!isThenable(result)) return result;
    if (result instanceof Promise && Object.getPrototypeOf(result) === Promise.prototype) {
      // A native promise is already running, and `await` on it never looks up `then`.
      active++;
      const done = () => {
        active--;
      };
      result.then(done, done);
      return result;
    }
    const then = result.then;
    let started = false;
    let settled = false;
    const settle = () => {
      if (started && !settled) {
        settled = true;
        active--;
      }
    };
    Object.defineProperty(result, 'then', {
      configurable: true,
      writable: true,
      value(onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) {
        if (!started) {
          started = true;
          active++;
        }
        return then.call(
          result,
          (v: unknown) => {
            settle();
            return onFulfilled ? onFulfilled(v) : v;
          },
          (e: unknown) => {
            settle();
            if (onRejected) return onRejected(e);
            throw e;
          },
        );
      },
    });
    return result;
  };

  for (const name of handle.kind === 'postgres' ? ['unsafe', 'begin'] : ['query', 'transaction']) {
    const original = client[name];
    if (typeof original !== 'function') continue;
    client[name] = function (this: unknown, ...args: unknown[]) {
      return track((original as Method).apply(this, args));
    };
  }
  const stats = (): PoolStats => ({ inUse: Math.min(active, max), waiting: Math.max(active - max, 0), max });
  client[STATS] = stats;
  return stats;
}
