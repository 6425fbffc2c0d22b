import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';
import { catalogueQuerySchema } from '../validation/catalogue';

describe('OpenAPI document', () => {
  const doc = openApiDocument();

  it('lists exactly the catalogue filters as query parameters, with their types', () => {
    const params = doc.paths['/api/v1/products'].get.parameters;
    expect(params.map((p) => p.name).sort()).toEqual(Object.keys(catalogueQuerySchema.shape).sort());
    expect(params.map((p) => p.name).sort()).toEqual([
      'amount',
      'category',
      'exclusive',
      'guarantee',
      'institution',
      'maxRate',
      'page',
      'pageSize',
      'park',
      'q',
      'sort',
      'term',
    ]);
    const category = params.find((p) => p.name === 'category')!;
    // Categories are the zone's data: the parameter is a code, and GET /api/v1/product-categories lists them.
    expect(category.schema).toMatchObject({ type: 'string', pattern: '^[a-z][a-z0-9_]{1,31}$' });
    expect(category.description).toContain('/api/v1/product-categories');
    expect(doc.paths['/api/v1/product-categories'].get.responses[200]).toBeDefined();
    expect(params.every((p) => p.required === false)).toBe(true);
  });

  it('documents the page shape, the product, and the 400/404 errors', () => {
    const page = doc.components.schemas.ProductPage as { properties: Record<string, unknown>; required: string[] };
    expect(page.required.sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    const product = doc.components.schemas.Product as { properties: Record<string, { type?: string }> };
    expect(product.properties.amountMinFen.type).toBe('string');
    expect(product.properties.eligibility).toBeDefined();
    expect(Object.keys(doc.paths['/api/v1/products'].get.responses)).toEqual(['200', '400']);
    expect(Object.keys(doc.paths['/api/v1/products/{id}'].get.responses)).toEqual(['200', '404']);
  });
});

describe('OpenAPI document: figures', () => {
  const doc = openApiDocument();

  it('lists the figures filters with the day format, and documents 200/400', () => {
    const op = doc.paths['/api/v1/figures'].get;
    expect(op.parameters.map((p) => p.name).sort()).toEqual(['category', 'from', 'institution', 'park', 'to']);
    expect(op.parameters.find((p) => p.name === 'from')!.schema).toMatchObject({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    expect(op.parameters.every((p) => p.required === false)).toBe(true);
    expect(Object.keys(op.responses)).toEqual(['200', '400']);
  });

  it('documents every figure key, amounts as strings of fen, and the per-scheme figures', () => {
    const figures = doc.components.schemas.Figures as {
      properties: Record<string, { type?: string | string[]; items?: { properties: Record<string, unknown> } }>;
      required: string[];
    };
    const keys = [
      'institutions',
      'products',
      'exclusiveProducts',
      'registeredEnterprises',
      'enterprisesWithNeeds',
      'demandAmount',
      'applications',
      'approvalRate',
      'medianResponseHours',
      'creditGranted',
      'disbursed',
      'ipPledgeProjects',
      'ipPledgeAmount',
      'schemes',
    ];
    expect(figures.required).toEqual(expect.arrayContaining(keys));
    for (const k of ['demandAmount', 'creditGranted', 'disbursed', 'ipPledgeAmount']) expect(figures.properties[k].type).toBe('string');
    expect(Object.keys(figures.properties.schemes.items!.properties)).toEqual(
      expect.arrayContaining(['enrolledLoans', 'supportedEnterprises', 'disbursed', 'claimsPaid', 'balance']),
    );
  });
});
