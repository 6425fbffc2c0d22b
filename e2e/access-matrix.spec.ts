import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { loadIds, MISSING_ID, type Ids } from './access-matrix/ids';
import { builtActions, callAction, declaredActions, invocationPath, routeTree, type ActionAnswer, type BuiltAction } from './access-matrix/server-actions';
import { HOME, openContexts, SUBJECTS, type Contexts, type Subject } from './access-matrix/subjects';
import { ACTIONS, FORM_SCHEMAS, ROUTES, VALID_FORMS, type ActionOutcome, type PageOutcome } from './access-matrix/table';

// Every page, route handler and server action, as a visitor, an enterprise user, a user of a
// rejected enterprise, an officer of an active, a suspended and a pending institution, and an
// admin, and with other organisations' ids: one request per cell, against the table in
// e2e/access-matrix/table.ts. Nothing is changed: actions get input that fails validation after
// their gate, or another organisation's id.

let contexts: Contexts;
let ids: Ids;
let actions: BuiltAction[];

test.beforeAll(async ({ browser, playwright }, workerInfo) => {
  test.setTimeout(120_000);
  const baseURL = workerInfo.project.use.baseURL!;
  // Kept for this run (the runner's pid): a worker restarted after a failed test reuses them.
  const dir = path.join(workerInfo.project.outputDir, `.access-matrix-${process.ppid}`);
  contexts = await openContexts(browser, playwright, baseURL, dir);
  ids = await loadIds(contexts, path.join(dir, 'ids.json'));
  actions = builtActions();
});

test.afterAll(async () => {
  await Promise.all(Object.values(contexts ?? {}).map((c) => c.dispose()));
});

function locationPath(res: APIResponse): URL {
  return new URL(res.headers().location ?? '', 'http://placeholder');
}

/** A response in the table's terms (see table.ts). */
function pageOutcome(res: APIResponse, subject: Subject, requested: string): string {
  const status = res.status();
  if (status < 300 || status >= 400) return String(status);
  const to = locationPath(res);
  if (to.pathname === '/login' && to.searchParams.has('callbackUrl')) {
    const back = to.searchParams.get('callbackUrl')!;
    return back === requested || back === new URL(requested, 'http://placeholder').pathname ? 'sign-in' : `sign-in, back to ${back}`;
  }
  if (to.pathname === '/account/status') return 'account-status';
  if (to.pathname === HOME[subject]) return 'own-area';
  return `→${to.pathname}${to.search}`;
}

async function checkCell(subject: Subject, url: string, expected: PageOutcome, label: string) {
  const res = await contexts[subject].get(url, { maxRedirects: 0 });
  expect.soft(pageOutcome(res, subject, url), `${label} as ${subject}: GET ${url}`).toBe(String(expected));
}

test('the matrix has a row for every page, route handler and metadata route in app/, and no other', () => {
  const onDisk = routeTree().map((r) => r.pattern);
  expect(new Set(onDisk).size, 'no two files share a URL pattern').toBe(onDisk.length);
  expect(
    onDisk.filter((p) => !(p in ROUTES)),
    'routes with no row in e2e/access-matrix/table.ts',
  ).toEqual([]);
  expect(
    Object.keys(ROUTES).filter((p) => !onDisk.includes(p)),
    'rows with no file behind them',
  ).toEqual([]);
});

test('the matrix has a row for every server action of the build and of the source, and no other', () => {
  const built = actions.map((a) => a.key);
  const declared = declaredActions();
  const known = new Set([...built, ...declared]);
  expect([...known].filter((k) => !(k in ACTIONS)).sort(), 'actions with no row in e2e/access-matrix/table.ts').toEqual([]);
  expect(
    Object.keys(ACTIONS).filter((k) => !known.has(k)),
    'rows with no action behind them',
  ).toEqual([]);
  // A 'use server' export no client calls is not in the build; it is still listed, and still reachable once one does.
  expect(
    built.filter((k) => !declared.includes(k)),
    'built actions the source scan missed',
  ).toEqual([]);
});

test('the forms used with foreign ids pass validation, so only the id can be refused', () => {
  for (const [name, schema] of Object.entries(FORM_SCHEMAS)) {
    const r = schema.safeParse(VALID_FORMS[name as keyof typeof VALID_FORMS]);
    expect(r.success, `${name}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
  }
});

for (const [pattern, row] of Object.entries(ROUTES)) {
  test(`route ${pattern}`, async () => {
    const url = row.url(ids);
    for (const subject of SUBJECTS) await checkCell(subject, url, row.expect[subject], pattern);
    for (const v of row.variants ?? []) {
      const vurl = v.url(ids);
      for (const [subject, expected] of Object.entries(v.expect) as [Subject, PageOutcome][])
        await checkCell(subject, vurl, expected, `${pattern} (${v.name})`);
    }
  });
}

function actionOutcome(answer: ActionAnswer): string {
  if (answer.kind === 'redirect') {
    const to = new URL(answer.location, 'http://placeholder');
    return to.pathname === '/login' ? 'sign-in' : `→${to.pathname}`;
  }
  if (answer.kind === 'http') return `HTTP ${answer.status}: ${answer.body}`;
  const v = answer.value as { ok?: boolean; error?: string } | undefined;
  if (v === undefined || v === null || v.ok === true) return 'ok';
  return v.ok === false && typeof v.error === 'string' ? v.error : `unexpected ${JSON.stringify(v)}`;
}

for (const [key, row] of Object.entries(ACTIONS)) {
  test(`action ${key}`, async () => {
    const action = actions.find((a) => a.key === key);
    expect(action, `${key} is in this build`).toBeTruthy();
    const at = invocationPath(action!, MISSING_ID);
    const call = async (subject: Subject, args: ReturnType<typeof row.args>, expected: ActionOutcome, label: string) => {
      const answer = await callAction(contexts[subject], at, action!.id, args);
      expect.soft(actionOutcome(answer), `${label} as ${subject} (POST ${at})`).toBe(expected);
    };
    for (const subject of SUBJECTS) await call(subject, row.args(ids), row.expect[subject], key);
    for (const f of row.foreign ?? []) await call(f.subject, f.args(ids), f.expect, `${key} with ${f.name} id`);
  });
}
