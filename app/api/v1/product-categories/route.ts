import { NextResponse } from 'next/server';
import { productCategories } from '@/lib/products/categories';
import { withReadDb } from '@/lib/server/read-db';
import { apiFailure } from '../http';

/** GET /api/v1/product-categories — the zone's product categories (their codes filter /api/v1/products and /api/v1/figures). */
export async function GET() {
  try {
    const list = await withReadDb((db) => productCategories(db));
    return NextResponse.json({ items: list.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, pledgesIp: c.pledgesIp })) });
  } catch (e) {
    return apiFailure(e);
  }
}
