import { NextResponse, type NextRequest } from 'next/server';
import { parseCatalogueParams, runCatalogue } from '@/lib/products/catalogue';
import { withReadDb } from '@/lib/server/read-db';
import { toProductSummaryDto } from '@/lib/validation/product-api';
import { apiError, apiFailure } from '../http';

/** GET /api/v1/products — the published catalogue, filtered like /products. */
export async function GET(req: NextRequest) {
  const parsed = parseCatalogueParams(req.nextUrl.searchParams);
  if (!parsed.ok) return apiError(400, 'invalid_parameter', parsed.messageKey, parsed.param);
  try {
    const r = await withReadDb((db) => runCatalogue(db, parsed.query));
    return NextResponse.json({ items: r.items.map(toProductSummaryDto), total: r.total, page: r.page, pageSize: r.pageSize });
  } catch (e) {
    return apiFailure(e);
  }
}
