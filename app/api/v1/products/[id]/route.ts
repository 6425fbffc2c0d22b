import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { publicProduct } from '@/lib/products/catalogue';
import { toProductSummaryDto } from '@/lib/validation/product-api';
import { apiError, apiFailure } from '../../http';

/** GET /api/v1/products/{id} — one published product; 404 when unknown or not published. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'not_found');
  try {
    const db = await getDb();
    const shown = await publicProduct(db, id);
    if (!shown) return apiError(404, 'not_found', 'not_found');
    const { row, parks } = shown;
    const p = row.product;
    return NextResponse.json({
      ...toProductSummaryDto(row),
      description: p.description,
      requiredDocuments: p.requiredDocuments,
      eligibility: {
        requiredCertifications: p.requiredCertifications,
        minInnovationScore: p.minInnovationScore,
        minYearsInOperation: p.minYearsInOperation,
        parkCodes: parks.filter((x) => p.eligibleParkIds.includes(x.id)).map((x) => x.code),
        industries: p.eligibleIndustries,
        maxEmployees: p.maxEmployees,
      },
    });
  } catch (e) {
    return apiFailure(e);
  }
}
