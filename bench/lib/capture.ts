// Captures the statements the app sends for one request from PostgreSQL's own CSV log: statement
// logging is switched on (log_statement=all for the text and parameters as each statement starts,
// log_min_duration_statement=0 for when it ends), the request is made, the harness logs a marker,
// and the lines of the app's connections (application_name) up to the marker are that request's.
import fs from 'node:fs';
import type { Sql } from 'postgres';
import { isBegin, isEnd, templateParams, type Script, type Stmt } from './script';

/** PostgreSQL 15 csvlog columns we read. */
const COL = { pid: 3, severity: 11, message: 13, detail: 14, app: 22 } as const;

/** Splits CSV text into records (quoted fields may hold commas, quotes as "" and newlines). */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let rec: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      rec.push(field);
      field = '';
    } else if (c === '\n') {
      rec.push(field);
      out.push(rec);
      rec = [];
      field = '';
    } else if (c !== '\r') field += c;
    i++;
  }
  if (field !== '' || rec.length) {
    rec.push(field);
    out.push(rec);
  }
  return out;
}

/** `parameters: $1 = 'a''b', $2 = NULL` → ['a\'b', null]. */
export function parseParameters(detail: string): (string | null)[] {
  const m = /^parameters: ([\s\S]*)$/.exec(detail);
  if (!m) return [];
  const out: (string | null)[] = [];
  const re = /\$(\d+) = (NULL|'((?:[^']|'')*)')(?:, |$)/gy;
  let x: RegExpExecArray | null;
  re.lastIndex = 0;
  const body = m[1];
  while ((x = re.exec(body))) {
    out[Number(x[1]) - 1] = x[2] === 'NULL' ? null : x[3].replace(/''/g, "'");
  }
  return out;
}

interface Open {
  idx: number;
}

/** Turns one request's log records into a replayable script (and counts what it saw). */
export function scriptFromRecords(
  records: string[][],
  appName: string,
  vars: Record<string, string>,
): { script: Script; statements: number; errors: string[] } {
  const stmts: (Stmt & { start: number; end: number })[] = [];
  const open = new Map<string, Open>();
  const inTx = new Set<string>();
  const lanes = new Map<string, number>();
  const errors: string[] = [];
  let seq = 0;
  for (const r of records) {
    if (r[COL.app] !== appName) continue;
    const pid = r[COL.pid];
    const msg = r[COL.message] ?? '';
    seq++;
    if (r[COL.severity] === 'ERROR' || r[COL.severity] === 'FATAL') {
      errors.push(msg);
      continue;
    }
    let text: string | null = null;
    let prepared = false;
    let m: RegExpExecArray | null;
    if ((m = /^statement: ([\s\S]*)$/.exec(msg))) text = m[1];
    else if ((m = /^execute ([^:]+): ([\s\S]*)$/.exec(msg))) {
      if (m[1].startsWith('fetch from')) continue;
      text = m[2];
      prepared = m[1] !== '<unnamed>';
    } else if (/^duration: [\d.]+ ms$/.test(msg)) {
      const o = open.get(pid);
      if (o) {
        stmts[o.idx].end = seq;
        open.delete(pid);
      }
      continue;
    } else continue; // parse/bind durations, connection lines
    if (!lanes.has(pid)) lanes.set(pid, lanes.size);
    let tx: Stmt['tx'] = null;
    if (isBegin(text)) {
      tx = 'begin';
      inTx.add(pid);
    } else if (inTx.has(pid)) {
      if (isEnd(text)) {
        tx = 'end';
        inTx.delete(pid);
      } else tx = 'in';
    }
    const params = templateParams(parseParameters(r[COL.detail] ?? ''), vars);
    const idx = stmts.length;
    stmts.push({ sql: text, params, deps: [], lane: lanes.get(pid)!, tx, prepared, start: seq, end: Number.POSITIVE_INFINITY });
    open.set(pid, { idx });
  }
  // A statement waits for every statement that had finished before it started; keep only the
  // latest finished one per lane (the earlier ones of that lane finished before it).
  for (const s of stmts) {
    const latest = new Map<number, number>();
    stmts.forEach((p, j) => {
      if (p.end < s.start && (latest.get(p.lane) === undefined || stmts[latest.get(p.lane)!].end < p.end)) latest.set(p.lane, j);
    });
    s.deps = [...latest.values()].sort((a, b) => a - b);
  }
  return {
    script: { stmts: stmts.map(({ start: _s, end: _e, ...rest }) => rest) },
    statements: stmts.length,
    errors,
  };
}

/** Statement logging on the bench's server, and reading the log from a byte offset. */
export class StatementLog {
  private offset = 0;
  constructor(
    private readonly admin: Sql,
    private readonly file: string,
  ) {}

  async enable(on: boolean) {
    await this.admin.unsafe(`alter system set log_statement = '${on ? 'all' : 'none'}'`);
    await this.admin.unsafe(`alter system set log_min_duration_statement = ${on ? 0 : -1}`);
    await this.admin.unsafe('select pg_reload_conf()');
    await new Promise((r) => setTimeout(r, 300));
  }

  private size(): number {
    try {
      return fs.statSync(this.file).size;
    } catch {
      return 0;
    }
  }

  /** Starts a window: what the log holds from here on. */
  mark() {
    this.offset = this.size();
  }

  /** Ends the window at a marker statement and returns its records. */
  async collect(timeoutMs = 10_000): Promise<string[][]> {
    const marker = `bench-marker-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await this.admin.unsafe(`select '${marker}'`);
    const until = Date.now() + timeoutMs;
    for (;;) {
      const size = this.size();
      if (size > this.offset) {
        const fd = fs.openSync(this.file, 'r');
        const buf = Buffer.alloc(size - this.offset);
        fs.readSync(fd, buf, 0, buf.length, this.offset);
        fs.closeSync(fd);
        const text = buf.toString('utf8');
        const at = text.indexOf(marker);
        if (at >= 0) {
          const lineEnd = text.indexOf('\n', at);
          // Up to the end of the marker's record (it may have more quoted fields after the message).
          const records = parseCsv(text.slice(0, at));
          this.offset += Buffer.byteLength(text.slice(0, lineEnd >= 0 ? lineEnd + 1 : text.length));
          return records;
        }
      }
      if (Date.now() > until) throw new Error(`the statement log did not show the marker within ${timeoutMs} ms (${this.file})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
