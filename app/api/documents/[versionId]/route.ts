// GET one document version's content: to its enterprise, to an institution it was shared with
// under a live consent (logged), or to an admin investigating (?reason=…, logged). Others: 404.
import { getDb } from '@/db';
import { apiFailure } from '@/app/api/v1/http';
import { requestId, requireActor } from '@/lib/auth/session';
import { contentDisposition } from '@/lib/documents/content-disposition';
import { openDocument } from '@/lib/documents/vault';
import { AppError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';

export async function GET(req: Request, { params }: { params: Promise<{ versionId: string }> }) {
  try {
    const { versionId } = await params;
    const actor = await requireActor(['enterprise', 'institution', 'admin']);
    if (!isUuid(versionId)) throw new AppError('not_found');
    const reason = new URL(req.url).searchParams.get('reason');
    const doc = await openDocument(await getDb(), actor, versionId, { reason }, await requestId());
    const chunks = doc.content[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await chunks.return?.();
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': doc.contentType,
        'Content-Length': String(doc.sizeBytes),
        'Content-Disposition': contentDisposition(doc.originalName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (e) {
    return apiFailure(e);
  }
}
