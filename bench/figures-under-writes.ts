// `npm run bench -- figures-under-writes <app URL>[,<URL of another instance>…]`: programs asking the
// figures API all day while the zone keeps writing. BENCH_CLIENTS (4) clients (spread over the
// instances given, in turn) each ask `/api/v1/figures` for all time, one
// request after another, for BENCH_SECONDS (120), while a committed write every BENCH_WRITE_MS
// (3000) makes every cached figure stale. Prints the answers' times, and how many of the app's
// statements ran at once in PostgreSQL (sampled every 250 ms), which is what piles up when every
// request after a write computes the figures afresh (lib/figures/cache.ts figureRead), and, with
// pg_stat_statements in the database, the time PostgreSQL spent in statements during the run (what
// instances computing the same figures side by side add up to). Run it
// against a running app on a loaded tier with the same DATABASE_URL in the environment. Asserts nothing.
import { pct, runProbe } from './lib/app-probe';

const bases = (process.argv[2] ?? 'http://127.0.0.1:3000').split(',');
const clients = Number(process.env.BENCH_CLIENTS ?? 4);
const seconds = Number(process.env.BENCH_SECONDS ?? 120);
const writeMs = Number(process.env.BENCH_WRITE_MS ?? 3000);
const PATH = '/api/v1/figures?from=2000-01-01&to=2100-12-31';

runProbe('the writes go there', async (sql) => {
  const end = Date.now() + seconds * 1000;
  const times: number[] = [];
  const errors: string[] = [];
  const active: number[] = [];
  let writes = 0;
  // Once before on each instance, so the measured time starts from computed figures.
  for (const base of bases) {
    const first = performance.now();
    const warm = await fetch(base + PATH);
    await warm.text();
    console.log(`${base}: first answer: ${Math.round(performance.now() - first)} ms, status ${warm.status}`);
  }
  const statementMs = async () => {
    try {
      const [{ ms }] = await sql<{ ms: number }[]>`select coalesce(sum(total_exec_time), 0)::float8 as ms from pg_stat_statements`;
      return ms;
    } catch {
      return null; // no pg_stat_statements in this database
    }
  };
  const spentBefore = await statementMs();
  const asking = Array.from({ length: clients }, async (_, i) => {
    const base = bases[i % bases.length];
    while (Date.now() < end) {
      const t0 = performance.now();
      try {
        const r = await fetch(base + PATH, { signal: AbortSignal.timeout(600_000) });
        await r.text();
        if (r.status !== 200) errors.push(String(r.status));
        else times.push(performance.now() - t0);
      } catch (e) {
        errors.push((e as Error).name);
      }
    }
  });
  const writing = (async () => {
    while (Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, writeMs));
      await sql`update app_settings set updated_at = now() where key = (select key from app_settings order by key limit 1)`;
      writes++;
    }
  })();
  const sampling = (async () => {
    while (Date.now() < end) {
      const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
          where state = 'active' and application_name = 'kerongtong' and pid <> pg_backend_pid()`;
      active.push(n);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  await Promise.all([...asking, writing, sampling]);
  const mean = active.reduce((a, b) => a + b, 0) / Math.max(1, active.length);
  console.log(
    `${clients} clients on ${bases.length} instance(s) × ${seconds} s, a write every ${writeMs} ms (${writes} writes): ${times.length} answers, p50 ${Math.round(pct(times, 0.5))} ms, p95 ${Math.round(pct(times, 0.95))} ms, max ${Math.round(Math.max(...times))} ms`,
  );
  // The answers that were computed (a cached one takes a few ms): what a program waits for after a write.
  const slow = times.filter((t) => t >= 100);
  console.log(
    `answers of 100 ms or more: ${slow.length}, p50 ${Math.round(pct(slow, 0.5))} ms, p95 ${Math.round(pct(slow, 0.95))} ms, max ${Math.round(Math.max(...slow, 0))} ms`,
  );
  console.log(`the app's statements running at once: mean ${mean.toFixed(1)}, p95 ${pct(active, 0.95)}, max ${Math.max(...active)}`);
  const spentAfter = await statementMs();
  if (spentBefore !== null && spentAfter !== null) {
    console.log(`PostgreSQL's time in statements during the run (pg_stat_statements): ${((spentAfter - spentBefore) / 1000).toFixed(1)} s`);
  }
  // What is left running when the programs stop asking.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
      where state = 'active' and application_name = 'kerongtong' and pid <> pg_backend_pid()`;
  console.log(`still running 1 s after the last answer: ${n}`);
  console.log(`errors: ${errors.length ? errors.join(', ') : 'none'}`);
});
