// Server actions as the build knows them (the server-reference manifest: action id → the module and
// export, and the pages whose client code calls it) and as the source declares them ('use server'
// modules' exports), and a way to call one over HTTP the way React's client does.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';

const root = path.resolve(__dirname, '..', '..');

export interface BuiltAction {
  id: string;
  /** `app/enterprise/ip/actions.ts#deleteIpAssetAction` */
  key: string;
  /** Pages whose client code calls it, e.g. `app/enterprise/ip/[id]/page`. */
  workers: string[];
}

export function builtActions(): BuiltAction[] {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const file = path.join(root, distDir, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({ id, key: `${a.filename}#${a.exportedName}`, workers: Object.keys(a.workers).sort() }));
}

/** Source files under `dir` (tests left out); every file when `all`. */
function walk(dir: string, out: string[] = [], all = false): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out, all);
    else if (all || (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))) out.push(p);
  }
  return out;
}

/** Every export of a module that starts with 'use server' (each is callable from the client). */
export function declaredActions(): string[] {
  const keys: string[] = [];
  for (const dir of ['app', 'components', 'lib']) {
    for (const file of walk(path.join(root, dir))) {
      const text = fs.readFileSync(file, 'utf8');
      if (!/^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(text)) continue;
      const rel = path.relative(root, file).split(path.sep).join('/');
      for (const m of text.matchAll(/^export\s+(?:async\s+function|function|const|let)\s+([A-Za-z0-9_$]+)/gm)) keys.push(`${rel}#${m[1]}`);
      if (/^export\s+(default|\{)/m.test(text)) keys.push(`${rel}#<unparsed export>`);
    }
  }
  return keys.sort();
}

const METADATA_IMAGE = /^(favicon|icon|apple-icon|opengraph-image|twitter-image)\d*\.(ico|jpe?g|png|gif|svg|tsx?|jsx?)$/;
const METADATA_FILE: Record<string, string> = { manifest: 'manifest.webmanifest', robots: 'robots.txt', sitemap: 'sitemap.xml' };

/** The URL a metadata file (app icons, manifest, robots, sitemap) is served at, if it is one. */
function metadataRoute(basename: string): string | null {
  const image = METADATA_IMAGE.exec(basename);
  if (image) return /^(tsx?|jsx?)$/.test(image[2]) ? basename.replace(/\.[^.]+$/, '') : basename;
  const m = /^(manifest|robots|sitemap)\.(ts|js|json|webmanifest|txt|xml)$/.exec(basename);
  return m ? METADATA_FILE[m[1]] : null;
}

/** Every page, route handler and metadata route under app/, as its URL pattern. */
export function routeTree(): { pattern: string; kind: 'page' | 'route' | 'metadata' }[] {
  const out: { pattern: string; kind: 'page' | 'route' | 'metadata' }[] = [];
  for (const file of walk(path.join(root, 'app'), [], true)) {
    const base = path.basename(file);
    const handler = /^(page|route)\.(tsx?|jsx?)$/.exec(base);
    const metadata = handler ? null : metadataRoute(base);
    if (!handler && !metadata) continue;
    const dirs = path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep).filter(Boolean);
    if (dirs.some((s) => s.startsWith('_'))) continue; // private folders are not routed
    const segments = dirs.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'));
    if (metadata) out.push({ pattern: `/${[...segments, metadata].join('/')}`, kind: 'metadata' });
    else out.push({ pattern: `/${segments.join('/')}`, kind: handler![1] as 'page' | 'route' });
  }
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The page the client calls an action from: the home page if it is one, else a static page, else a dynamic one with `id` in its segments. */
export function invocationPath(action: BuiltAction, id: string): string {
  const pages = action.workers.filter((w) => w.endsWith('/page'));
  const chosen = pages.includes('app/page') ? 'app/page' : (pages.find((w) => !w.includes('[')) ?? pages[0]);
  if (!chosen) throw new Error(`${action.key}: no page calls it`);
  const segments = chosen
    .replace(/^app\/?/, '')
    .replace(/\/?page$/, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => (s.startsWith('[') ? id : s));
  return `/${segments.join('/')}`;
}

export type ActionArgs = unknown[] | { form: Record<string, string> };

export type ActionAnswer =
  | { kind: 'result'; value: unknown }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'http'; status: number; body: string };

/** The rows of a React Flight response: `<hex id>:<json>` per line. */
function flightRows(body: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  return rows;
}

function revive(raw: string): unknown {
  const v = JSON.parse(raw) as unknown;
  return v === '$undefined' ? undefined : v;
}

/**
 * POSTs to `page` with the Next-Action header, as React's client does: arguments as a JSON array
 * in a text body, or a FormData argument as multipart fields prefixed with its reference id.
 */
export async function callAction(ctx: APIRequestContext, page: string, actionId: string, args: ActionArgs): Promise<ActionAnswer> {
  const headers = { 'Next-Action': actionId, Accept: 'text/x-component' };
  const res = Array.isArray(args)
    ? await ctx.post(page, { headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' }, data: JSON.stringify(args), maxRedirects: 0 })
    : await ctx.post(page, {
        headers,
        multipart: { ...Object.fromEntries(Object.entries(args.form).map(([k, v]) => [`_1_${k}`, v])), 0: '["$K1"]' },
        maxRedirects: 0,
      });
  const status = res.status();
  if (status >= 300 && status < 400) return { kind: 'redirect', status, location: res.headers().location ?? '' };
  const body = await res.text();
  if (status !== 200 || !(res.headers()['content-type'] ?? '').startsWith('text/x-component')) return { kind: 'http', status, body: body.slice(0, 300) };
  const rows = flightRows(body);
  const head = rows.get('0');
  if (!head) return { kind: 'http', status, body: body.slice(0, 300) };
  const a = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof a === 'string' && a.startsWith('$@')) {
    const row = rows.get(a.slice(2));
    if (row === undefined) return { kind: 'http', status, body: body.slice(0, 300) };
    return { kind: 'result', value: revive(row) };
  }
  return { kind: 'result', value: a === '$undefined' ? undefined : a };
}
