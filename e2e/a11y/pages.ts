// The pages the accessibility spec visits: every page of the app (the access
// matrix's rows of kind 'page'), as each role the matrix lets see it (a 200), with the matrix's own
// demo ids in dynamic routes. Signed-in state and ids are shared with the access matrix's run.
import path from 'node:path';
import axe from 'axe-core';
import { type Browser, type BrowserContext, devices, type Page, type PlaywrightWorkerArgs, type TestInfo } from '@playwright/test';
import { loadIds, type Ids } from '../access-matrix/ids';
import { routeTree } from '../access-matrix/server-actions';
import { openContexts, type Contexts } from '../access-matrix/subjects';
import { ROUTES } from '../access-matrix/table';

export const ROLES = ['anon', 'enterprise', 'institution', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface VisitedPage {
  pattern: string;
  url: string;
}

/** Every page (not route handler or metadata file) the role gets with a 200. */
export function pagesFor(role: Role, ids: Ids): VisitedPage[] {
  return routeTree()
    .filter((r) => r.kind === 'page')
    .map((r) => r.pattern)
    .filter((p) => ROUTES[p]?.expect[role] === 200)
    .map((pattern) => ({ pattern, url: ROUTES[pattern].url(ids) }));
}

export interface Session {
  dir: string;
  ids: Ids;
  contexts: Contexts;
}

/**
 * Signs the demo accounts in once per run (the access matrix's folder, so whichever spec runs first
 * signs in for both) and finds the demo ids.
 */
export async function openSession(browser: Browser, playwright: PlaywrightWorkerArgs['playwright'], info: TestInfo): Promise<Session> {
  const baseURL = info.project.use.baseURL!;
  const dir = path.join(info.project.outputDir, `.access-matrix-${process.ppid}`);
  const contexts = await openContexts(browser, playwright, baseURL, dir);
  const ids = await loadIds(contexts, path.join(dir, 'ids.json'));
  return { dir, ids, contexts };
}

export async function closeSession(s: Session | undefined) {
  await Promise.all(Object.values(s?.contexts ?? {}).map((c) => c.dispose()));
}

/** A browser context signed in as `role` (none for anon), reading the app in `locale`. */
export async function roleContext(
  browser: Browser,
  s: Session,
  role: Role,
  locale: Locale,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const baseURL = options.baseURL ?? 'http://localhost';
  const context = await browser.newContext({ ...options, storageState: role === 'anon' ? undefined : path.join(s.dir, `${role}.json`) });
  await context.addCookies([{ name: 'locale', value: locale, url: baseURL }]);
  // Every page these contexts open is checked with axe: its source comes with each page (it defines
  // window.axe and touches nothing until run), which costs less than sending it after the load
  // (~150 ms a page: 10 pages 8.4 → 6.9 s).
  await context.addInitScript({ content: axe.source });
  return context;
}

/** Serious and critical axe-core violations on the page, one line per rule with its nodes. */
export async function axeProblems(page: Page, where: string): Promise<string[]> {
  // axe-core itself, run in the page: its source evaluated once (unless the page came with it, as
  // roleContext's pages do), then every rule, with only the violations' nodes collected
  // (resultTypes) and only the violations sent back. AxeBuilder (@axe-core/playwright) evaluated
  // the 550 KB source twice per check, and by default opened a blank page per check to merge the
  // results of cross-origin iframes, which the app has none of.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const inPage = (window as unknown as { axe: typeof axe }).axe;
    return (await inPage.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`);
      const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
      return [`${v.id} (${v.impact}) on ${where}: ${v.help}`, ...nodes, ...more].join('\n');
    });
}

/** Seen by visitors too (then screenshotted as the visitor only). */
export const isPublic = (pattern: string) => ROUTES[pattern]?.expect.anon === 200;

/** The main pages a reviewer looks at in screenshots, by pattern. */
export const MAIN_PAGES = new Set([
  '/',
  '/products',
  '/products/[id]',
  '/login',
  '/register/enterprise',
  '/enterprise',
  '/enterprise/needs/[id]',
  '/enterprise/applications/[id]',
  '/enterprise/score',
  '/institution',
  '/institution/applications',
  '/institution/applications/[id]',
  '/institution/needs',
  '/admin',
  '/admin/dashboard',
  '/admin/verification',
]);

/**
 * With E2E_SCREENSHOTS=1, saves a full-page screenshot under the run's output folder:
 * test-results/screenshots/<variant>/<role><pattern>.png. Off by default: they are for a person to
 * look at, and cost `npm test` ~20 s (the sweeps' 110 page visits took 118 s with them, 100 s without).
 */
export async function saveScreenshot(page: Page, info: TestInfo, variant: string, role: Role, pattern: string) {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  const name = `${role}${pattern === '/' ? '-home' : pattern.replace(/[/[\]]+/g, '-')}`.replace(/-+$/, '');
  await page.screenshot({ path: path.join(info.project.outputDir, 'screenshots', variant, `${name}.png`), fullPage: true });
}

/**
 * A phone at 360 px, the narrowest the app is laid out for: touch, mobile viewport, in CSS pixels as
 * on the phone but one device pixel each (the layout is the same; axe and screenshots paint a quarter
 * of the pixels of a 2× screen).
 */
export const PHONE_360 = {
  viewport: { width: 360, height: 780 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 1,
  userAgent: devices['Pixel 7'].userAgent,
};

/** The page scrolls sideways (wider than the window): one line naming a few of the elements that stick out, else none. */
export async function sidewaysScroll(page: Page, where: string): Promise<string[]> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  if (scrollWidth <= innerWidth) return [];
  const wide = await page.evaluate(
    (w) =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('[role=region]'))
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
    innerWidth,
  );
  return [`${where}: ${scrollWidth} px wide; e.g. ${wide.join(', ')}`];
}
