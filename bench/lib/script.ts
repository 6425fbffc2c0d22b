// A request's SQL as the app sent it, replayable by the bare server: every statement with its
// parameters, the statements it waited for (so statements the app ran concurrently replay
// concurrently), and the connection it ran on (so a transaction replays on one connection).

/** A parameter: a literal, NULL, or a template whose { v } pieces are filled per request (ids, keys). */
export type Param = string | null | (string | { v: string })[];

export interface Stmt {
  sql: string;
  params: Param[];
  /** Indexes of the statements that had finished before this one started. */
  deps: number[];
  /** The backend (connection) it ran on in the capture; statements of one transaction share it. */
  lane: number;
  tx: 'begin' | 'in' | 'end' | null;
  /** Sent as a named prepared statement (postgres.js `prepare`), as the app did. */
  prepared: boolean;
}

export interface Script {
  stmts: Stmt[];
}

/** How the bare server makes the per-request values of a write: a fresh random key, or the next id of a list. */
export type VarSource = { kind: 'random' } | { kind: 'list'; values: string[] };

export interface EndpointScripts {
  scripts: Script[];
  vars: Record<string, VarSource>;
}

export const isBegin = (s: string) => /^\s*(begin|start\s+transaction)\b/i.test(s);
export const isEnd = (s: string) => /^\s*(commit|rollback|end|abort)\b/i.test(s) && !/^\s*rollback\s+to\b/i.test(s);
/** INSERT, UPDATE, DELETE or MERGE, also inside a WITH (not SELECT … FOR UPDATE). */
export const isWrite = (s: string) =>
  /^\s*(insert|update|delete|merge)\b/i.test(s) || (/^\s*with\b/i.test(s) && /\b(insert\s+into|update\s+"?\w+"?\s+set|delete\s+from|merge\s+into)\b/i.test(s));

/** Replaces every occurrence of a variable's captured value inside the parameters with a reference to it. */
export function templateParams(params: (string | null)[], vars: Record<string, string>): Param[] {
  const entries = Object.entries(vars).filter(([, v]) => v.length >= 8);
  return params.map((p) => {
    if (p === null || entries.length === 0) return p;
    let pieces: (string | { v: string })[] = [p];
    for (const [name, value] of entries) {
      pieces = pieces.flatMap((piece) => {
        if (typeof piece !== 'string' || !piece.includes(value)) return [piece];
        const parts = piece.split(value);
        return parts.flatMap((part, i) => (i === 0 ? [part] : [{ v: name }, part])).filter((x) => x !== '');
      });
    }
    return pieces.length === 1 && typeof pieces[0] === 'string' ? pieces[0] : pieces;
  });
}

export function resolveParam(p: Param, vars: Record<string, string>): string | null {
  if (p === null || typeof p === 'string') return p;
  return p.map((x) => (typeof x === 'string' ? x : (vars[x.v] ?? ''))).join('');
}
