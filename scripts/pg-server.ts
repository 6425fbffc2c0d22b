// A throwaway PostgreSQL server for tests: initdb into a temp dir (as the postgres user when we are
// root: initdb refuses root), start it on a free port, stop and delete it at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgServer {
  url: string; // to the 'postgres' database
  port: number;
  /** The temp folder holding the cluster, its log and socket; deleted by stop(). */
  dir: string;
  stop(): void;
}

export interface PgServerOptions {
  /** Prefix of the temp folder's name. */
  prefix?: string;
  /** Runs on the fresh temp folder before it is handed to the postgres user (e.g. to make a log folder). */
  prepare?: (dir: string) => void;
  /** Server settings (`-c name=value`) beyond the test defaults, given the temp folder. */
  settings?: (dir: string) => string[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPgServer(o: PgServerOptions = {}): Promise<PgServer> {
  if (!fs.existsSync(path.join(BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 is not installed at ${BIN} (apt-get install -y postgresql-15), or set DATABASE_URL / PG_BIN.`);
  }
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), o.prefix ?? 'krt-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  o.prepare?.(dir);
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, cmd), ...args]] : [path.join(BIN, cmd), args];
    const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}${fs.existsSync(log) ? '\n' + fs.readFileSync(log, 'utf8') : ''}`);
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      /* already down */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    const settings = [
      'listen_addresses=127.0.0.1',
      'fsync=off',
      'synchronous_commit=off',
      'full_page_writes=off',
      'max_connections=200',
      'timezone=UTC',
      ...(o.settings?.(dir) ?? []),
    ];
    const opts = [`-p ${port}`, `-k ${dir}`, ...settings.map((x) => `-c ${x}`)].join(' ');
    run('pg_ctl', ['-D', data, '-l', log, '-o', opts, '-w', '-t', '60', 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
