// One load run: autocannon at a fixed number of connections for a fixed time, every request built
// by `next()` (rotating URLs, fresh keys), latencies recorded per response for exact percentiles.
import autocannon from 'autocannon';

export interface Req {
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  base: string;
  connections: number;
  durationS: number;
  next: () => Req | null;
  /** A 2xx body that is still a failure (an action answering { ok: false }). */
  verifyBody?: (body: string) => boolean;
  timeoutS?: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, failed body checks, socket errors and timeouts. */
  errors: number;
  seconds: number;
  /** Requests that got no answer within the timeout (also counted in errors). */
  timeouts: number;
  /** next() ran out (prepared ids): the run stopped early. */
  exhausted: boolean;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function runLoad(o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let exhausted = false;
    const first = o.next();
    if (!first) {
      resolve({ requests: 0, rps: 0, p50: NaN, p95: NaN, p99: NaN, errors: 0, timeouts: 0, seconds: 0, exhausted: true });
      return;
    }
    let pending: Req | null = first;
    const take = (): Req => {
      const r = pending ?? o.next();
      pending = null;
      if (r) return r;
      if (!exhausted) {
        exhausted = true;
        setImmediate(() => instance.stop());
      }
      return first;
    };
    const started = Date.now();
    const instance = autocannon(
      {
        url: o.base,
        connections: o.connections,
        duration: o.durationS,
        timeout: o.timeoutS ?? 30,
        pipelining: 1,
        ...(o.verifyBody ? { verifyBody: o.verifyBody } : {}),
        requests: [
          {
            setupRequest: (req: autocannon.Request) => {
              const r = take();
              return { ...req, method: r.method ?? 'GET', path: r.path, headers: { ...(r.headers ?? {}) }, body: r.body };
            },
          },
        ],
      } as autocannon.Options,
      (err, result) => {
        if (err) return reject(err);
        const seconds = (Date.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        const errors = result.non2xx + result.errors + result.timeouts + (result.mismatches ?? 0);
        resolve({
          requests: latencies.length,
          rps: latencies.length / seconds,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors,
          timeouts: result.timeouts,
          seconds,
          exhausted,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
  });
}
