// The bench's throwaway PostgreSQL 15: the test server of scripts/pg-server.ts (initdb as the postgres user into a
// temp dir, a free port, no fsync), plus what measuring needs: pg_stat_statements preloaded, and a
// CSV log (logging collector) that statement logging can be switched on and off for at run time, to
// capture the exact statements and parameters the app sends for one request.
import fs from 'node:fs';
import path from 'node:path';
import { startPgServer } from '../../scripts/pg-server';

export interface BenchPg {
  url: string;
  port: number;
  dir: string;
  /** The CSV log the collector writes (log_filename is fixed, no rotation). */
  csvLog: string;
  stop(): void;
}

export async function startBenchPg(): Promise<BenchPg> {
  const server = await startPgServer({
    prefix: 'krt-bench-pg-',
    prepare: (dir) => fs.mkdirSync(path.join(dir, 'log')),
    settings: (dir) => [
      'shared_buffers=256MB',
      'shared_preload_libraries=pg_stat_statements',
      'pg_stat_statements.max=10000',
      'pg_stat_statements.track=top',
      'pg_stat_statements.track_utility=on',
      'logging_collector=on',
      'log_destination=csvlog',
      `log_directory=${path.join(dir, 'log')}`,
      'log_filename=pg.log',
      'log_rotation_size=0',
      'log_rotation_age=0',
      'log_parameter_max_length=-1',
    ],
  });
  return { ...server, csvLog: path.join(server.dir, 'log', 'pg.csv') };
}
