// Runs a captured script with postgres.js: each statement once the statements it waited for in the
// capture are done (so the app's concurrent queries stay concurrent), a transaction on one reserved
// connection, named prepared statements where the app used them.
import type { ReservedSql, Sql } from 'postgres';
import { resolveParam, type Script } from './script';

export async function replay(sql: Sql, script: Script, vars: Record<string, string>): Promise<unknown[]> {
  const lanes = new Map<number, ReservedSql>();
  const results: Promise<unknown>[] = [];
  const run = async (i: number): Promise<unknown> => {
    const s = script.stmts[i];
    await Promise.all(s.deps.map((d) => results[d]));
    const params = s.params.map((p) => resolveParam(p, vars));
    if (s.tx === 'begin') {
      const conn = await sql.reserve();
      lanes.set(s.lane, conn);
      return conn.unsafe(s.sql, params as never[], { prepare: s.prepared });
    }
    const conn = s.tx ? lanes.get(s.lane) : undefined;
    if (!conn) return sql.unsafe(s.sql, params as never[], { prepare: s.prepared });
    const r = await conn.unsafe(s.sql, params as never[], { prepare: s.prepared });
    if (s.tx === 'end') {
      lanes.delete(s.lane);
      conn.release();
    }
    return r;
  };
  for (let i = 0; i < script.stmts.length; i++) results.push(run(i));
  try {
    return await Promise.all(results);
  } finally {
    await Promise.allSettled(results);
    for (const conn of lanes.values()) {
      await conn.unsafe('rollback').catch(() => {});
      conn.release();
    }
  }
}
