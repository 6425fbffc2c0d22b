// Processes the bench starts: each in its own process group (so stopping it stops its children),
// stopped by group id, never by name; their memory read from /proc.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

export { freePort } from '../../scripts/pg-server';

export interface Started {
  name: string;
  child: ChildProcess;
  pid: number;
  /** The last lines it printed (for errors). */
  tail(): string;
  /** Resolves when it has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const started = new Set<Started>();

/** Starts `cmd` in a new process group; its output goes to `logFile` and a short in-memory tail. */
export function startProcess(name: string, cmd: string, args: string[], opts: SpawnOptions & { logFile?: string; echo?: boolean }): Started {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (!child.pid) throw new Error(`${name}: could not start ${cmd}`);
  const lines: string[] = [];
  const log = opts.logFile ? fs.createWriteStream(opts.logFile) : null;
  const onData = (b: Buffer) => {
    log?.write(b);
    if (opts.echo) process.stderr.write(b);
    for (const l of b.toString('utf8').split('\n')) if (l.trim()) lines.push(l);
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const s: Started = {
    name,
    child,
    pid: child.pid,
    tail: () => lines.join('\n'),
    exited,
    async stop() {
      started.delete(s);
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child.pid!, 'SIGTERM');
      const t = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
      killGroup(child.pid!, 'SIGKILL'); // anything of the group left behind
      log?.end();
    },
  };
  started.add(s);
  return s;
}

function killGroup(pgid: number, sig: NodeJS.Signals) {
  try {
    process.kill(-pgid, sig);
  } catch {
    /* gone */
  }
}

/** Stops everything still running that startProcess started (synchronously: for exit handlers). */
export function killAllStarted() {
  for (const s of started) killGroup(s.pid, 'SIGKILL');
  started.clear();
}

/** Polls `url` until it answers (any status below 500) or `timeoutMs` passes. */
export async function waitForHttp(url: string, timeoutMs: number, proc?: Started): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode}):\n${proc.tail()}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'manual' });
      if (r.status < 500) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${last})${proc ? `:\n${proc.tail()}` : ''}`);
}

/** The pid and all its descendants (from /proc/<pid>/task/<tid>/children). */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const t of tasks) {
      let kids = '';
      try {
        kids = fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const k of kids.split(/\s+/).filter(Boolean)) visit(Number(k));
    }
  };
  visit(pid);
  return out;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of a process tree: the sum of VmRSS over the tree at each sample, and
 * the largest VmHWM (a process's own peak, which catches peaks between samples) of any one process.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peakTreeKb = 0;
  /** The largest VmRSS of one process of the tree (the server, not its launcher). */
  peakProcKb = 0;
  constructor(private readonly pid: number) {}
  sample(): number {
    let sum = 0;
    for (const p of processTree(this.pid)) {
      const kb = statusKb(p, 'VmRSS');
      sum += kb;
      if (kb > this.peakProcKb) this.peakProcKb = kb;
    }
    if (sum > this.peakTreeKb) this.peakTreeKb = sum;
    return sum;
  }
  /** The largest VmHWM of a single process in the tree (the Next server itself, in practice). */
  maxHwmKb(): number {
    return Math.max(0, ...processTree(this.pid).map((p) => statusKb(p, 'VmHWM')));
  }
  start(everyMs = 200) {
    this.stop();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
  resetWindow(): void {
    this.peakTreeKb = 0;
    this.peakProcKb = 0;
  }
}
