// The layer rule (docs/ARCHITECTURE.md): app/ → lib/ → db/, with components/ beside app/.
//   db/          imports nothing from lib/, app/ or components/;
//   lib/         imports nothing from app/ or components/;
//   components/  import nothing from db/, and reach no db/ module through lib/ either, except the
//                plain values of db/enums.ts and db/zone.ts (no database code in a client bundle);
//   app/         reads and writes through lib/: of db/ it imports only the handle (db/index.ts), the
//                plain values, the driver-error classification and the migration state (types aside),
//                never db/queries/ or db/schema.ts.
// A small scan of every import, export-from and dynamic import() in the three folders; test files
// included. Paths are resolved like TypeScript does here: relative, or '@/' from the root.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(ts|tsx|mts|cts)$/;
/** db/ modules that are plain values, safe in any bundle. */
const PLAIN_DB = new Set(['db/enums.ts', 'db/zone.ts']);
/**
 * What app/ may import from db/ at run time: the composition root (getDb, the handles, pool stats),
 * the plain values, how a driver error maps to an answer (db/failures.ts, for the API's error
 * answers) and the migration state (db/migrate.ts, for /api/health). Everything else is lib/'s.
 */
const APP_DB = new Set(['db/index.ts', ...PLAIN_DB, 'db/failures.ts', 'db/migrate.ts']);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) out.push(...filesUnder(rel));
    } else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
/** A whole statement that only brings in types (`import type …`, or every name marked `type`): erased. */
const TYPE_ONLY =
  /^\s*(?:import|export)\s+type\s[^;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*\{((?:\s*type\s+[\w$]+(?:\s+as\s+[\w$]+)?\s*,?)+)\}\s*from\s*['"]([^'"]+)['"]/gm;

/**
 * The repository files a module imports (packages left out), as root-relative paths. With
 * `runtime`, imports that only bring in types are left out (they are not in any bundle).
 */
function importsOf(file: string, runtime = false): string[] {
  let text = fs.readFileSync(path.join(root, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  if (runtime) text = text.replace(TYPE_ONLY, '');
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1];
    let target: string;
    if (spec.startsWith('@/')) target = spec.slice(2);
    else if (spec.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    else continue;
    out.push(resolve(target) ?? target);
  }
  return out;
}

function resolve(target: string): string | null {
  for (const c of [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`]) {
    const abs = path.join(root, c);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return c;
  }
  return null;
}

const layer = (p: string) => p.split('/')[0];

function violations(dir: string, forbidden: string[]): string[] {
  return filesUnder(dir).flatMap((f) =>
    importsOf(f)
      .filter((t) => forbidden.includes(layer(t)))
      .map((t) => `${f} → ${t}`),
  );
}

describe('the layer rule', () => {
  it('db/ imports nothing from lib/, app/ or components/', () => {
    expect(violations('db', ['lib', 'app', 'components'])).toEqual([]);
  });

  it('lib/ imports nothing from app/ or components/', () => {
    expect(violations('lib', ['app', 'components'])).toEqual([]);
  });

  it('components/ import nothing from db/', () => {
    expect(violations('components', ['db'])).toEqual([]);
  });

  it('app/ imports no db/queries/ or db/schema.ts: pages, routes and actions call lib/ (types aside)', () => {
    const found = filesUnder('app').flatMap((f) =>
      importsOf(f, true)
        .filter((t) => layer(t) === 'db' && !APP_DB.has(t))
        .map((t) => `${f} → ${t}`),
    );
    expect(found).toEqual([]);
  });

  it('components/ reach no database code through lib/ (only the plain values of db/enums.ts and db/zone.ts)', () => {
    const found: string[] = [];
    for (const start of filesUnder('components')) {
      // Walk components/ and lib/ modules; app/ is the server-action boundary, not bundled code.
      const seen = new Set<string>([start]);
      const queue: { file: string; via: string[] }[] = [{ file: start, via: [start] }];
      while (queue.length) {
        const { file, via } = queue.shift()!;
        for (const t of importsOf(file, true)) {
          if (seen.has(t)) continue;
          seen.add(t);
          if (layer(t) === 'db' && !PLAIN_DB.has(t)) found.push([...via, t].join(' → '));
          else if ((layer(t) === 'lib' || layer(t) === 'components') && SOURCE.test(t)) queue.push({ file: t, via: [...via, t] });
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('sees the imports it checks (the scan is not empty), and leaves out only type-only imports when asked', () => {
    expect(importsOf('lib/machines/engine.ts', true)).not.toContain('db/client.ts');
    expect(importsOf('lib/machines/engine.ts')).toContain('db/client.ts');
    expect(importsOf('lib/machines/engine.ts')).toEqual(expect.arrayContaining(['db/queries/audit.ts', 'lib/machines/define.ts']));
    expect(violations('lib', ['db']).length).toBeGreaterThan(10);
    expect(violations('app', ['db']).length).toBeGreaterThan(10);
    expect(importsOf('app/api/health/route.ts')).toEqual(expect.arrayContaining(['db/index.ts', 'db/migrate.ts']));
  });
});
