// `npm run bench -- cold-dashboards <app URL>`: the dashboard computed afresh (a write before each
// round makes every cached figure stale) for four periods at once, while the bank's officer opens
// one application after another; prints how long the dashboards took and how the officer fared
// meanwhile. Run it against a running app (`npm start`, or scripts/server.ts on a production build)
// on a loaded tier, with the same DATABASE_URL in the environment for the write. BENCH_ROUNDS (3),
// BENCH_PERIODS (4: how many of the four periods at once). Counts the dashboards that showed figures
// as last computed, dated (lib/figures/cache.ts), rather than the current ones. BENCH_WRITE=0: no
// write before a round (a freshly started instance, with the figures another one computed). Asserts nothing.
import { pct, runProbe } from './lib/app-probe';
import { signIn } from './lib/http';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const PASSWORD = 'kerongtong-demo';
const PERIODS = ['from=2026-01-01&to=2026-12-31', 'from=2025-01-01&to=2025-12-31', 'from=2026-01-01&to=2026-06-30', 'from=2024-11-01&to=2026-11-30'].slice(
  0,
  Number(process.env.BENCH_PERIODS ?? 4),
);

async function get(path: string, cookie: string) {
  const t0 = performance.now();
  const r = await fetch(base + path, { headers: { cookie }, redirect: 'manual' });
  const html = await r.text();
  return { ms: performance.now() - t0, status: r.status, dated: html.includes('data-testid="dashboard-as-of"') };
}

runProbe('a write before each round makes the figures stale', async (sql) => {
  const [admin, bank] = await Promise.all([signIn(base, 'admin@kerongtong.demo', PASSWORD), signIn(base, 'bank@kerongtong.demo', PASSWORD)]);
  const ids = (
    await sql<{ id: string }[]>`select a.id from applications a join users u on u.institution_id = a.institution_id
        where u.email = 'bank@kerongtong.demo' order by a.id limit 200`
  ).map((r) => r.id);
  const dash: number[] = [];
  let dated = 0;
  const officer: number[] = [];
  const errors: string[] = [];
  for (let round = 0; round < rounds; round++) {
    // A committed write to a table the figures read: every cached figure is stale now.
    if (process.env.BENCH_WRITE !== '0') await sql`update app_settings set updated_at = now() where key = (select key from app_settings order by key limit 1)`;
    let done = false;
    const dashboards = Promise.all(
      PERIODS.map(async (p) => {
        const r = await get(`/admin/dashboard?${p}`, admin);
        dash.push(r.ms);
        if (r.dated) dated++;
        if (r.status !== 200) errors.push(`dashboard ${r.status}`);
      }),
    );
    const opening = (async () => {
      for (let i = 0; !done; i++) {
        const r = await get(`/institution/applications/${ids[(round * 50 + i) % ids.length]}`, bank);
        officer.push(r.ms);
        if (r.status !== 200) errors.push(`application ${r.status}`);
      }
    })();
    await dashboards;
    done = true;
    await opening;
    console.log(`round ${round + 1}: dashboards ${dash.slice(-PERIODS.length).map(Math.round).join(', ')} ms`);
  }
  console.log(
    `dashboards (${PERIODS.length} periods × ${rounds} rounds, each after a write): p50 ${Math.round(pct(dash, 0.5))} ms, max ${Math.round(Math.max(...dash))} ms; ${dated} of ${dash.length} showed figures as last computed, dated`,
  );
  console.log(
    `officer's application pages meanwhile: ${officer.length}, p50 ${Math.round(pct(officer, 0.5))} ms, p95 ${Math.round(pct(officer, 0.95))} ms, max ${Math.round(Math.max(...officer))} ms`,
  );
  console.log(`errors: ${errors.length ? errors.join(', ') : 'none'}`);
});
