// What the probes that run against an already running app (cold-dashboards, figures-under-writes)
// share: a percentile of their times, and a database connection for the writes they make, closed
// when they end, with a failure printed and the exit code set.
import postgres from 'postgres';

/** The `p` quantile (0–1) of `xs`, nearest rank; NaN for none. */
export function pct(xs: number[], p: number): number {
  return xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : Number.NaN;
}

/** Runs `probe` with a connection to DATABASE_URL (`why`: what it is needed for), then closes it; exits 1 on a failure. */
export function runProbe(why: string, probe: (sql: postgres.Sql) => Promise<void>): void {
  const url = process.env.DATABASE_URL;
  const run = async () => {
    if (!url) throw new Error(`set DATABASE_URL to the app’s database (${why})`);
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    try {
      await probe(sql);
    } finally {
      await sql.end({ timeout: 2 });
    }
  };
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
