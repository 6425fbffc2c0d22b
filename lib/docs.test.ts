// The docs that restate code are checked against it. docs/state-machines.md is generated from the
// machines: a machine changed without rerunning `npx tsx scripts/docs-machines.ts` fails here, and
// so does a new machine nobody documented. docs/matching.md's weights, scales and worked example
// are recomputed with lib/matching/engine.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applications, certifications, claims, enterprises, financingNeeds, institutions, loans, matches, pledges, products, users } from '../db/schema';
import { edgesOf, finalStates, MACHINE_DOCS, mermaidOf, updateMachineDocs } from './docs-machines';
import type { EnterpriseFacts } from './matching/eligibility';
import { classifyCandidate, MATCH_SCALES, MATCH_WEIGHTS, scoreMatch, type MatchNeed, type MatchProduct } from './matching/engine';
import type { Machine } from './machines/define';

const libDir = path.dirname(fileURLToPath(import.meta.url));
const docsDir = path.join(libDir, '..', 'docs');
const docFile = path.join(docsDir, 'state-machines.md');

/** The text between `<!-- name:start -->` and `<!-- name:end -->`. */
function section(markdown: string, name: string): string {
  const m = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(markdown);
  if (!m) throw new Error(`no ${name} section`);
  return m[1];
}

/** Table rows `| a | b | … |` as arrays of trimmed cells, header and separator left out. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
    .slice(1)
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim().replace(/^`(.*)`$/, '$1')),
    );
}

function isMachine(v: unknown): v is Machine<string, string> {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<Machine<string, string>>;
  return typeof m.entity === 'string' && Array.isArray(m.states) && typeof m.actions === 'object' && m.actions !== null;
}

describe('docs/state-machines.md', () => {
  it('holds exactly what the machines render (else: npx tsx scripts/docs-machines.ts)', () => {
    const committed = fs.readFileSync(docFile, 'utf8');
    const { text, appended, unknown } = updateMachineDocs(committed);
    expect(appended, 'machines without a section').toEqual([]);
    expect(unknown, 'sections for machines that no longer exist').toEqual([]);
    expect(text).toBe(committed);
  });

  it('documents every machine exported by lib/machines/*.ts, citing the module that defines it', async () => {
    const machinesDir = path.join(libDir, 'machines');
    const files = fs.readdirSync(machinesDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const found: { machine: Machine<string, string>; exportName: string; source: string }[] = [];
    for (const f of files) {
      const mod = (await import(path.join(machinesDir, f))) as Record<string, unknown>;
      for (const [exportName, value] of Object.entries(mod)) {
        if (isMachine(value)) found.push({ machine: value, exportName, source: `lib/machines/${f}` });
      }
    }
    expect(found.length).toBeGreaterThan(0);
    const documented = MACHINE_DOCS.map((d) => ({ machine: d.machine, exportName: d.exportName, source: d.source }));
    const key = (x: { exportName: string; source: string }) => `${x.source}#${x.exportName}`;
    expect(documented.map(key).sort()).toEqual(found.map(key).sort());
    for (const d of documented) expect(found.find((f) => key(f) === key(d))?.machine, key(d)).toBe(d.machine);
    expect(new Set(MACHINE_DOCS.map((d) => d.id)).size).toBe(MACHINE_DOCS.length);
  });

  it('starts each diagram where a new row starts: the first state is the column default in db/schema.ts', () => {
    const column: Record<string, unknown> = {
      institution: institutions.status,
      'enterprise-verification': enterprises.verificationStatus,
      'certification-verification': certifications.verificationStatus,
      user: users.status,
      product: products.status,
      need: financingNeeds.status,
      match: matches.status,
      application: applications.status,
      loan: loans.status,
      pledge: pledges.status,
      claim: claims.status,
    };
    expect(Object.keys(column).sort()).toEqual(MACHINE_DOCS.map((d) => d.id).sort());
    for (const d of MACHINE_DOCS) {
      const col = column[d.id] as { default?: unknown; enumValues?: string[] };
      expect(col.default, d.id).toBe(d.machine.states[0]);
      // The machine and the database enum know the same states.
      expect([...(col.enumValues ?? [])].sort(), d.id).toEqual([...d.machine.states].sort());
    }
  });

  it('draws each transition of the table once, and nothing else', () => {
    for (const d of MACHINE_DOCS) {
      const drawn = mermaidOf(d)
        .split('\n')
        .map((l) => /^ {4}(\S+) --> (\S+): (\S+) \((.+)\)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map(([, from, to, action, roles]) => `${from} -${action}[${roles}]-> ${to}`);
      const table = edgesOf(d.machine).map((e) => `${e.from} -${e.action}[${e.roles.join(', ')}]-> ${e.to}`);
      expect(drawn.sort(), d.id).toEqual(table.sort());
      const ends = mermaidOf(d)
        .split('\n')
        .filter((l) => l.endsWith(' --> [*]'))
        .map((l) => l.trim().split(' ')[0]);
      expect(ends.sort(), d.id).toEqual(finalStates(d.machine).sort());
    }
  });
});

describe('docs/matching.md', () => {
  const doc = fs.readFileSync(path.join(docsDir, 'matching.md'), 'utf8');

  it('lists the reasons with the maximums of MATCH_WEIGHTS, in order', () => {
    const rows = tableRows(section(doc, 'matching-weights')).map(([code, max]) => [code, Number(max)]);
    expect(rows).toEqual(Object.entries(MATCH_WEIGHTS));
  });

  it('gives the scales of MATCH_SCALES', () => {
    const rows = tableRows(section(doc, 'matching-scales'));
    expect(rows).toEqual(Object.entries(MATCH_SCALES).map(([k, v]) => [k, String(v)]));
  });

  it('computes the worked example as lib/matching/engine.ts does', () => {
    const body = section(doc, 'matching-example');
    const json = /```json\n([\s\S]*?)```/.exec(body)![1];
    const fen = (_k: string, v: unknown) => (typeof v === 'string' && /Fen$/.test(_k) ? BigInt(v) : v);
    const ex = JSON.parse(json, fen) as { asOf: string; medianResponseHours: number; need: MatchNeed; product: MatchProduct; enterprise: EnterpriseFacts };
    const classified = classifyCandidate(ex.need, ex.product, ex.enterprise, ex.asOf);
    const scored = scoreMatch(ex.need, ex.product, ex.enterprise, ex.asOf, ex.medianResponseHours);
    const rows = tableRows(body).map((r) => [r[0], Number(r[r.length - 1])]);
    expect(rows).toEqual(scored.reasons.map((r) => [r.code, r.points]));
    expect(body).toContain(`Classification: ${classified.kind === 'fit' ? 'fit' : 'near miss'}. Score: ${scored.score}\n`);
  });
});
