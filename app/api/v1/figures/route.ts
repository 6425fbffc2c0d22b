import { NextResponse, type NextRequest } from 'next/server';
import { resolveFilter, toFiguresDto, zoneFigures } from '@/lib/figures/service';
import { withFiguresDb } from '@/lib/server/read-db';
import { paramsToObject } from '@/lib/validation/catalogue';
import { figuresFilterSchema } from '@/lib/validation/figures';
import { apiError, apiFailure } from '../http';

/** GET /api/v1/figures — the zone's figures (DESIGN §4) for a period, park, institution or category. */
export async function GET(req: NextRequest) {
  const parsed = figuresFilterSchema.safeParse(paramsToObject(req.nextUrl.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return apiError(400, 'invalid_parameter', issue.message, String(issue.path[0] ?? ''));
  }
  try {
    const body = await withFiguresDb(async (db) => {
      const filter = await resolveFilter(db, parsed.data);
      return toFiguresDto(await zoneFigures(db, filter), filter);
    });
    return NextResponse.json(body, { headers: { 'Cache-Control': 'public, max-age=60' } });
  } catch (e) {
    return apiFailure(e);
  }
}
