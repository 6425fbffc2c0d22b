// Runs the generator's statements on one connection (the temporary functions and tables live in
// its session) and keeps the score: rows and time per table, a progress bar on stderr, and a
// final rows/s line per table.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowsOf } from '../../../db/rows';

export interface TableStat {
  table: string;
  rows: number;
  ms: number;
}

export interface RunnerOptions {
  /** Where the bar and the summary go; default process.stderr. null: silent. */
  out?: NodeJS.WritableStream | null;
  /** Draw the bar in place (\r); default: when `out` is a TTY. */
  tty?: boolean;
}

/** Rows a statement changed: postgres.js answers an array with .count, PGlite { affectedRows }. */
function affected(result: unknown): number {
  if (Array.isArray(result)) return Number((result as unknown as { count?: number }).count ?? 0);
  return Number((result as { affectedRows?: number }).affectedRows ?? 0);
}

export class Runner {
  readonly stats = new Map<string, TableStat>();
  private readonly started = Date.now();
  private readonly out: NodeJS.WritableStream | null;
  private readonly tty: boolean;
  private done = 0;
  private lastDraw = 0;
  private phase = '';

  constructor(
    private readonly db: Db,
    private readonly totalUnits: number,
    opts: RunnerOptions = {},
  ) {
    this.out = opts.out === undefined ? process.stderr : opts.out;
    this.tty = opts.tty ?? !!(this.out as { isTTY?: boolean } | null)?.isTTY;
  }

  /** A statement whose rows are not counted (functions, staging tables, settings); its time goes to `line`. */
  async exec(text: string, line = '(computing, staging)'): Promise<void> {
    const t0 = Date.now();
    await this.db.execute(sql.raw(text));
    this.add(line, 0, Date.now() - t0, text);
  }

  async query<T>(text: string): Promise<T[]> {
    return rowsOf<T>(await this.db.execute(sql.raw(text)));
  }

  /** An INSERT (or UPDATE) into `table`: its rows and time go to that table's line. */
  async insert(table: string, text: string): Promise<number> {
    const t0 = Date.now();
    const n = affected(await this.db.execute(sql.raw(text)));
    this.add(table, n, Date.now() - t0, text);
    if (process.env.SCALE_DEBUG === 'explain' && Date.now() - t0 > 300) {
      const plan = rowsOf<Record<string, string>>(await this.db.execute(sql.raw(`explain ${text}`)));
      process.stderr.write(plan.map((r) => Object.values(r)[0]).join('\n') + '\n');
    }
    this.draw();
    return n;
  }

  /** Staging work (temporary tables) for one batch: counted as time, not rows. */
  async stage(text: string): Promise<void> {
    await this.exec(text);
  }

  private add(table: string, rows: number, ms: number, text?: string) {
    // SCALE_DEBUG=1: name the slow statements; SCALE_DEBUG=explain: and print their plans.
    if (process.env.SCALE_DEBUG && ms > 300) process.stderr.write(`\n[scale] slow ${table} ${ms} ms: ${text?.replace(/\s+/g, ' ').slice(0, 160)}\n`);
    const s = this.stats.get(table) ?? { table, rows: 0, ms: 0 };
    s.rows += rows;
    s.ms += ms;
    this.stats.set(table, s);
  }

  get rows(): number {
    let n = 0;
    for (const s of this.stats.values()) n += s.rows;
    return n;
  }

  get elapsedMs(): number {
    return Date.now() - this.started;
  }

  setPhase(name: string) {
    this.phase = name;
    this.draw(true);
  }

  advance(units: number) {
    this.done += units;
    this.draw();
  }

  private draw(force = false) {
    if (!this.out) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < (this.tty ? 200 : 5000)) return;
    this.lastDraw = now;
    const frac = Math.min(1, this.totalUnits ? this.done / this.totalUnits : 1);
    const width = 30;
    const filled = Math.round(frac * width);
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? Math.round(this.rows / secs) : 0;
    const eta = frac > 0.02 ? Math.round((secs / frac) * (1 - frac)) : null;
    const line =
      `[scale] ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${(frac * 100).toFixed(0).padStart(3)}% ` +
      `${this.phase.padEnd(14)} ${fmt(this.rows)} rows, ${fmt(rate)} rows/s, ${secs.toFixed(0)} s${eta != null ? `, ~${eta} s left` : ''}`;
    this.out.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`);
  }

  /** The closing report: one line per table, then the total. */
  summary(): string[] {
    const lines: string[] = [];
    const stats = [...this.stats.values()].filter((s) => !isTimeOnly(s.table)).sort((a, b) => b.rows - a.rows);
    for (const s of stats) {
      const rate = s.ms > 0 ? Math.round((s.rows * 1000) / s.ms) : 0;
      lines.push(`${s.table.padEnd(24)} ${fmt(s.rows).padStart(12)} rows ${(s.ms / 1000).toFixed(1).padStart(8)} s ${fmt(rate).padStart(10)} rows/s`);
    }
    for (const s of this.stats.values()) {
      if (isTimeOnly(s.table)) lines.push(`${s.table.padEnd(24)} ${''.padStart(12)}      ${(s.ms / 1000).toFixed(1).padStart(8)} s`);
    }
    const secs = this.elapsedMs / 1000;
    lines.push(
      `${'total'.padEnd(24)} ${fmt(this.rows).padStart(12)} rows ${secs.toFixed(1).padStart(8)} s ${fmt(Math.round(this.rows / Math.max(secs, 0.001))).padStart(10)} rows/s`,
    );
    return lines;
  }

  finish() {
    if (!this.out) return;
    this.done = this.totalUnits;
    if (this.tty) this.draw(true);
    if (this.tty) this.out.write('\n');
    for (const l of this.summary()) this.out.write(`[scale] ${l}\n`);
  }
}

/** A line of time spent without rows of its own (its name is in parentheses). */
export const isTimeOnly = (table: string) => table.startsWith('(');

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
