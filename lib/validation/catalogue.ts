// The catalogue's filters: one schema for the /products page, GET /api/v1/products and the
// OpenAPI document. Amounts are fen and rates basis points, as integers in decimal strings.
import { z } from 'zod';
import { GUARANTEE_METHODS, MAX_ANNUAL_RATE_BP } from '../core/domain';
import { categoryCode, hasControlChars } from './common';

const intString = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, what)
    .transform(Number)
    .refine((n) => n >= min && n <= max, what);

export const CATALOGUE_SORTS = ['newest', 'rate', 'amount'] as const;
export const MAX_PAGE_SIZE = 50;

export const catalogueQuerySchema = z.object({
  category: categoryCode('unknown_category').optional().describe('产品类别 product category: its code (GET /api/v1/product-categories lists them)'),
  institution: z.uuid('institution').optional().describe('机构 id'),
  amount: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'amount_fen')
    .transform(BigInt)
    .optional()
    .describe('the amount needed, in fen (1 万元 = 1000000)'),
  term: intString(1, 360, 'term').optional().describe('the term needed, in months'),
  guarantee: z.enum(GUARANTEE_METHODS, 'guarantee').optional().describe('a guarantee method the product accepts'),
  exclusive: z
    .enum(['true', 'false'], 'exclusive')
    .transform((v) => v === 'true')
    .optional()
    .describe('zone-exclusive products only'),
  maxRate: intString(0, MAX_ANNUAL_RATE_BP, 'maxRate')
    .optional()
    .describe('highest acceptable annual rate, basis points (LPR-priced products use the current LPR)'),
  park: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'park')
    .optional()
    .describe('park code: the product must be open to enterprises of this park'),
  q: z
    .string()
    .trim()
    .min(1, 'q')
    .max(50, 'q')
    .refine((v) => !hasControlChars(v), 'control_chars') // a NUL used to reach Postgres and answer 500
    .optional()
    .describe('free text over name, summary and description (Chinese works)'),
  sort: z.enum(CATALOGUE_SORTS, 'sort').default('newest').describe('newest | rate (lowest first) | amount (largest first)'),
  page: intString(1, 100_000, 'page').default(1),
  pageSize: intString(1, MAX_PAGE_SIZE, 'pageSize').default(12),
});
export type CatalogueQueryInput = z.input<typeof catalogueQuerySchema>;
export type CatalogueQuery = z.output<typeof catalogueQuerySchema>;

/** URL parameters as an object for the schema: empty values are absent, repeated keys keep the first. */
export function paramsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  for (const [k, v] of entries) if (typeof v === 'string' && v.trim() !== '' && !(k in out)) out[k] = v;
  return out;
}

/** The filters back to URL parameters (for links that reproduce a view). */
export function catalogueQueryToParams(q: Partial<CatalogueQuery>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null) continue;
    if (k === 'sort' && v === 'newest') continue;
    if (k === 'page' && v === 1) continue;
    if (k === 'pageSize' && v === 12) continue;
    p.set(k, String(v));
  }
  return p;
}
