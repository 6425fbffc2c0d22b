// The bench's throwaway PostgreSQL 15: like scripts/pg-server.ts (initdb as the postgres user into a
// temp dir, a free port, no fsync), plus what measuring needs: pg_stat_statements preloaded, and a
// CSV log (logging collector) that statement logging can be switched on and off for at run time, to
// capture the exact statements and parameters the app sends for one request.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './proc';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface BenchPg {
  url: string;
  port: number;
  dir: string;
  /** The CSV log the collector writes (log_filename is fixed, no rotation). */
  csvLog: string;
  stop(): void;
}

export async function startBenchPg(): Promise<BenchPg> {
  if (!fs.existsSync(path.join(BIN, 'initdb'))) throw new Error(`PostgreSQL 15 is not installed at ${BIN} (apt-get install -y postgresql-15 postgresql-contrib), or set PG_BIN.`);
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'krt-bench-pg-'));
  const data = path.join(dir, 'data');
  const logDir = path.join(dir, 'log');
  const serverLog = path.join(dir, 'server.log');
  fs.mkdirSync(logDir);
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, cmd), ...args]] : [path.join(BIN, cmd), args];
    const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}${fs.existsSync(serverLog) ? '\n' + fs.readFileSync(serverLog, 'utf8') : ''}`);
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      /* not running */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    const settings = [
      `listen_addresses=127.0.0.1`,
      `max_connections=200`,
      `timezone=UTC`,
      `fsync=off`,
      `synchronous_commit=off`,
      `full_page_writes=off`,
      `shared_buffers=256MB`,
      `shared_preload_libraries=pg_stat_statements`,
      `pg_stat_statements.max=10000`,
      `pg_stat_statements.track=top`,
      `pg_stat_statements.track_utility=on`,
      `logging_collector=on`,
      `log_destination=csvlog`,
      `log_directory=${logDir}`,
      `log_filename=pg.log`,
      `log_rotation_size=0`,
      `log_rotation_age=0`,
      `log_parameter_max_length=-1`,
    ];
    const opts = [`-p ${port}`, `-k ${dir}`, ...settings.map((s) => `-c ${s}`)].join(' ');
    run('pg_ctl', ['-D', data, '-l', serverLog, '-o', opts, '-w', '-t', '60', 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, csvLog: path.join(logDir, 'pg.csv'), stop };
  } catch (e) {
    stop();
    throw e;
  }
}
