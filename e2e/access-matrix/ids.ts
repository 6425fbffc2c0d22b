// The ids the matrix puts into dynamic routes and action arguments: the demo enterprise's and the
// demo bank's own records, and another enterprise's and another bank's. Records keyed by name in
// the seed (products, enterprises) come from its name-based uuids; the rest are read from the
// pages their owners see.
import fs from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { seedUuid } from '../../lib/seed/data/prng';
import { PRODUCT_TEMPLATES } from '../../lib/seed/data/products';
import type { Contexts } from './subjects';

export interface Ids {
  /** The demo SME's (sme@). */
  enterprise: { id: string; application: string; ipAsset: string; loan: string; need: string };
  /** ent01's enterprise: foreign to sme@. */
  otherEnterprise: { application: string; ipAsset: string; loan: string; need: string; match: string; certification: string };
  /** 工商银行佛山分行 (bank@). */
  institution: { application: string; loan: string; product: string };
  /** 建设银行佛山分行: foreign to bank@. */
  otherInstitution: { application: string; loan: string; product: string; unpublishedProduct: string; pledge: string };
  /** Published by the demo bank: public to everyone. */
  publishedProduct: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const MALFORMED_ID = 'not-a-uuid';
/** Well-formed, and no row has it. */
export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

async function html(ctx: APIRequestContext, url: string): Promise<string> {
  const res = await ctx.get(url, { maxRedirects: 0 });
  if (res.status() !== 200) throw new Error(`access matrix setup: GET ${url} answered ${res.status()}`);
  return res.text();
}

/** The first id in a page's links to `prefix/<id>`. */
async function firstLinked(ctx: APIRequestContext, list: string, prefix: string): Promise<string> {
  const m = new RegExp(`href="${prefix}/(${UUID})"`).exec(await html(ctx, list));
  if (!m) throw new Error(`access matrix setup: no link to ${prefix}/<id> on ${list}`);
  return m[1];
}

/** An id passed as a client component's prop, from the page's RSC payload (escaped JSON). */
function propIn(text: string, prop: string): string | null {
  return new RegExp(`\\\\"${prop}\\\\":\\\\"(${UUID})\\\\"`).exec(text)?.[1] ?? null;
}

async function firstProp(ctx: APIRequestContext, pages: string[], prop: string): Promise<string> {
  for (const url of pages) {
    const id = propIn(await html(ctx, url), prop);
    if (id) return id;
  }
  throw new Error(`access matrix setup: no ${prop} on ${pages.join(', ')}`);
}

/** A certification listed on the profile: the key of its list item (data-testid="certification"). */
async function certificationOn(ctx: APIRequestContext): Promise<string> {
  const text = await html(ctx, '/enterprise/profile');
  for (const m of text.matchAll(new RegExp(`\\\\"li\\\\",\\\\"(${UUID})\\\\",\\{([^}]*)\\}`, 'g'))) {
    if (m[2].includes('data-testid\\":\\"certification')) return m[1];
  }
  throw new Error('access matrix setup: no certification on /enterprise/profile');
}

async function allLinked(ctx: APIRequestContext, list: string, prefix: string): Promise<string[]> {
  const found = [...(await html(ctx, list)).matchAll(new RegExp(`href="(${prefix}/${UUID})"`, 'g'))].map((m) => m[1]);
  return [...new Set(found)];
}

function seededProduct(institution: string, published: boolean): string {
  const t = PRODUCT_TEMPLATES.find((p) => p.institution === institution && (p.status === 'published') === published);
  if (!t) throw new Error(`access matrix setup: the seed has no ${published ? '' : 'un'}published product of ${institution}`);
  return seedUuid('product', t.key);
}

async function discover(c: Contexts): Promise<Ids> {
  const ent = async (ctx: APIRequestContext) => ({
    application: await firstLinked(ctx, '/enterprise/applications', '/enterprise/applications'),
    ipAsset: await firstLinked(ctx, '/enterprise/ip', '/enterprise/ip'),
    loan: await firstLinked(ctx, '/enterprise/loans', '/enterprise/loans'),
    need: await firstLinked(ctx, '/enterprise/needs', '/enterprise/needs'),
  });
  const inst = async (ctx: APIRequestContext) => ({
    application: await firstLinked(ctx, '/institution/applications', '/institution/applications'),
    loan: await firstLinked(ctx, '/institution/loans', '/institution/loans'),
    product: await firstLinked(ctx, '/institution/products', '/institution/products'),
  });
  const other = c.otherEnterprise;
  const otherBank = c.otherInstitution;
  return {
    enterprise: { id: seedUuid('enterprise', 0), ...(await ent(c.enterprise)) },
    otherEnterprise: {
      ...(await ent(other)),
      // An institution's interest in one of its needs, and a certification it may remove.
      match: await firstProp(other, await allLinked(other, '/enterprise/needs', '/enterprise/needs'), 'matchId'),
      certification: await certificationOn(other),
    },
    institution: await inst(c.institution),
    otherInstitution: {
      ...(await inst(otherBank)),
      unpublishedProduct: seededProduct('ccb', false),
      // A pledge waiting for registration sits on an approved IP-pledge application.
      pledge: await firstProp(otherBank, await allLinked(otherBank, '/institution/applications?status=approved', '/institution/applications'), 'pledgeId'),
    },
    publishedProduct: seededProduct('icbc', true),
  };
}

/** Found once per run; kept in `file` for workers restarted after a failure. */
export async function loadIds(c: Contexts, file: string): Promise<Ids> {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Ids;
  const ids = await discover(c);
  fs.writeFileSync(file, JSON.stringify(ids, null, 2));
  return ids;
}
