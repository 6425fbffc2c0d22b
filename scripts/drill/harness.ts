// The drills' harness: what a drill is, its checks (PASS/FAIL lines), and everything it started,
// stopped in reverse order when it ends, fails or is interrupted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killAllStarted } from '../../bench/lib/proc';

export interface Check {
  drill: string;
  name: string;
  ok: boolean;
  detail: string;
}

export interface DrillContext {
  /** Production build folder (NEXT_DIST_DIR) the app instances serve. */
  distDir: string;
  /** A temp folder of this drill's own, deleted at the end. */
  workDir: string;
  /** Records one check and prints its PASS or FAIL line. */
  check(name: string, ok: boolean, detail?: string): boolean;
  /** Runs `stop` when the drill ends (last registered, first run). */
  defer(stop: () => Promise<unknown> | unknown): void;
  log(...a: unknown[]): void;
}

export interface Drill {
  name: string;
  title: string;
  run(ctx: DrillContext): Promise<void>;
}

export const checks: Check[] = [];

let current: { stops: (() => Promise<unknown> | unknown)[]; workDir: string } | null = null;

async function stopAll(): Promise<void> {
  const c = current;
  if (!c) return;
  current = null;
  for (const stop of c.stops.reverse()) {
    try {
      await stop();
    } catch (e) {
      console.error('[drill] stopping:', (e as Error).message);
    }
  }
  killAllStarted();
  fs.rmSync(c.workDir, { recursive: true, force: true });
}

/** Runs one drill; a thrown error is one FAIL check. Everything it started is stopped afterwards. */
export async function runDrill(drill: Drill, distDir: string): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `krt-drill-${drill.name}-`));
  current = { stops: [], workDir };
  const t0 = Date.now();
  console.log(`\n━━ drill ${drill.name}: ${drill.title}`);
  const ctx: DrillContext = {
    distDir,
    workDir,
    check(name, ok, detail = '') {
      checks.push({ drill: drill.name, name, ok, detail });
      console.log(`${ok ? 'PASS' : 'FAIL'}  ${drill.name}: ${name}${detail ? ` — ${detail}` : ''}`);
      return ok;
    },
    defer(stop) {
      current?.stops.push(stop);
    },
    log: (...a) => console.log(`[${drill.name}]`, ...a),
  };
  try {
    await drill.run(ctx);
  } catch (e) {
    ctx.check('the drill ran to the end', false, (e as Error).stack?.split('\n').slice(0, 6).join('\n') ?? String(e));
  } finally {
    await stopAll();
  }
  console.log(`━━ drill ${drill.name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** Ctrl-C or SIGTERM: stop what the running drill started, then exit 130. */
export function stopOnSignals(): void {
  process.on('exit', () => killAllStarted());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`[drill] ${sig}: stopping what it started`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** p-th percentile of a list of numbers (0 for an empty list). */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
