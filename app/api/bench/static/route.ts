import { NextResponse } from 'next/server';

// The bench's ceiling (bench/app.ts): the fastest answer this build gives — fixed JSON, prerendered
// at build time, no database, no session, nothing from the request or the environment.
export const dynamic = 'force-static';

const BODY = { items: [], total: 0, page: 1, pageSize: 20 } as const;

export function GET() {
  return NextResponse.json(BODY);
}
