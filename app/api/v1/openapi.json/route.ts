import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/server/openapi';

export function GET() {
  return NextResponse.json(openApiDocument());
}
