// The OpenAPI 3.1 document of the public API, generated from the same zod schemas the routes use.
import { z } from 'zod';
import { catalogueQuerySchema } from '../validation/catalogue';
import { figuresDto, figuresFilterSchema } from '../validation/figures';
import { apiErrorDto, productCategoryListDto, productDetailDto, productPageDto } from '../validation/product-api';

type JsonSchema = { properties?: Record<string, JsonSchema & { description?: string }>; required?: string[]; description?: string; [k: string]: unknown };

function schemaOf(s: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema & { $schema?: string };
  return rest;
}

function queryParameters(s: z.ZodObject) {
  const js = schemaOf(s, 'input');
  return Object.entries(js.properties ?? {}).map(([name, prop]) => {
    const { description, ...schema } = prop;
    return { name, in: 'query', required: (js.required ?? []).includes(name), ...(description ? { description } : {}), schema };
  });
}

export function openApiDocument() {
  const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    openapi: '3.1.0',
    info: {
      title: '科融通 KeRongTong public API',
      version: '1.0.0',
      description: 'Read-only data of the zone’s tech-finance marketplace. Amounts are fen (decimal strings), rates basis points.',
    },
    paths: {
      '/api/v1/products': {
        get: {
          summary: 'Published loan products, filtered and paginated',
          parameters: queryParameters(catalogueQuerySchema),
          responses: {
            200: { description: 'one page of products', content: { 'application/json': { schema: { $ref: '#/components/schemas/ProductPage' } } } },
            400: { ...error, description: 'a parameter is invalid; error.param names it' },
          },
        },
      },
      '/api/v1/products/{id}': {
        get: {
          summary: 'One published product',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            200: { description: 'the product', content: { 'application/json': { schema: { $ref: '#/components/schemas/Product' } } } },
            404: { ...error, description: 'unknown or not published' },
          },
        },
      },
      '/api/v1/product-categories': {
        get: {
          summary: 'The zone’s product categories, in display order',
          responses: {
            200: { description: 'the categories', content: { 'application/json': { schema: { $ref: '#/components/schemas/ProductCategories' } } } },
          },
        },
      },
      '/api/v1/figures': {
        get: {
          summary: 'The zone’s figures (institutions, products, demand, applications, credit, loans, IP pledges, schemes) for a period',
          description:
            'Days are Asia/Shanghai calendar days, both inclusive (an event at 23:59:59 on the last day counts). Without from/to: this year. Institutions, products and registered enterprises are counted as at the end of the period (the day after `to`, 00:00 Asia/Shanghai); so are the fund balances of the schemes.',
          parameters: queryParameters(figuresFilterSchema),
          responses: {
            200: { description: 'the figures', content: { 'application/json': { schema: { $ref: '#/components/schemas/Figures' } } } },
            400: {
              ...error,
              description: 'a parameter is invalid (a day that does not exist, from after to, an unknown park or category); error.param names it',
            },
          },
        },
      },
    },
    components: {
      schemas: {
        ProductPage: schemaOf(productPageDto),
        Product: schemaOf(productDetailDto),
        ProductCategories: schemaOf(productCategoryListDto),
        Figures: schemaOf(figuresDto),
        Error: schemaOf(apiErrorDto),
      },
    },
  };
}
