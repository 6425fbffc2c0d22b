import { NextResponse } from 'next/server';
import { getDbHandle } from '@/db';
import { migrationState } from '@/db/migrate';
import { logError } from '@/lib/server/log';

export const dynamic = 'force-dynamic';

/** 200 with the database kind and migration state; 503 when the database cannot be reached. */
export async function GET() {
  try {
    const handle = await getDbHandle();
    const migrations = await migrationState(handle.db);
    return NextResponse.json({ status: migrations.upToDate ? 'ok' : 'migrating', database: handle.kind, migrations }, { status: 200 });
  } catch (e) {
    logError('health', e);
    return NextResponse.json({ status: 'unavailable', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' }, { status: 503 });
  }
}
