// POST a document (multipart: kind, year, expiresOn, ipAssetId, then the file). Answers JSON: the
// new version, or the error in the user's language with the field it concerns.
import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { requestId, requireActor } from '@/lib/auth/session';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/content-check';
import { uploadDocument } from '@/lib/documents/vault';
import { AppError, isAppError } from '@/lib/core/errors';
import { logError } from '@/lib/server/log';
import { isSameOrigin } from '@/lib/server/same-origin';
import { getApiLocale } from '@/lib/i18n/server';
import { errorText, makeTranslate } from '@/lib/i18n/translate';
import { documentUploadSchema } from '@/lib/validation/document';
import { withUploadedFile } from './multipart';

export async function POST(req: Request) {
  try {
    // Only the app's own pages upload (lib/server/same-origin.ts).
    if (!isSameOrigin(req.headers)) throw new AppError('forbidden');
    const actor = await requireActor(['enterprise']);
    // A body far past the limit is refused before reading it.
    if (Number(req.headers.get('content-length') ?? 0) > MAX_DOCUMENT_BYTES + 64 * 1024)
      throw new AppError('invalid', 'documents.errors.too_large', { field: 'file' });
    const db = await getDb();
    const rid = await requestId();
    const version = await withUploadedFile(req, async (fields, file) => {
      const meta = documentUploadSchema.safeParse(fields);
      if (!meta.success) {
        const issue = meta.error.issues[0];
        throw new AppError('invalid', issue.message.includes('.') ? issue.message : `documents.errors.${issue.path[0] === 'kind' ? 'kind' : issue.message}`, {
          field: String(issue.path[0] ?? ''),
        });
      }
      return uploadDocument(db, actor, meta.data, file, rid);
    });
    return NextResponse.json({ ok: true, version: { id: version.id, version: version.version, originalName: version.originalName } }, { status: 201 });
  } catch (e) {
    const t = makeTranslate(await getApiLocale());
    if (isAppError(e)) return NextResponse.json({ ok: false, error: errorText(t, e.messageKey), field: e.details?.field ?? null }, { status: e.status });
    logError('documents.upload', e);
    return NextResponse.json({ ok: false, error: errorText(t, 'generic') }, { status: 500 });
  }
}
