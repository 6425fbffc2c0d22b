// The enterprise's document vault (fill once): uploads become new versions of a document slot
// (kind, year, IP asset, and the name of an 其他材料), the old version stays in history; downloads by the enterprise itself, by
// an institution an application shared the version with under a live consent (each one logged),
// or by an admin investigating (logged with the reason). Anyone else: not found.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import {
  documentAccessFor,
  enterpriseDocuments,
  insertVersion,
  ipAssetOfEnterprise,
  lockDocumentSlot,
  liveConsentsOf,
  recentVersions,
  logDocumentAccess,
  revokeConsentRow,
  sharedAccess,
  versionWithDocument,
} from '../../db/queries/documents';
import { listEnterpriseIpAssets } from '../../db/queries/ip-assets';
import type { DocumentVersion } from '../../db/schema';
import { assertRole, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { investigationReasonSchema, type DocumentUpload } from '../validation/document';
import { checkedContent, DOCUMENT_TYPES, type DocumentType } from './content-check';
import { postgresBlobStore, rechunk, type BlobStore } from './storage';

/** The content store in use; PostgreSQL unless a caller passes another. */
export const defaultStore = (db: Db): BlobStore => postgresBlobStore(db);

/** A name safe to keep and send back: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string, type?: DocumentType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]|\p{Cf}/gu, '')
    .trim()
    .slice(-200);
  const named = clean || 'document';
  if (!type) return named;
  // The name ends in what the content is: a PDF sent as "x.html" is kept as "x.html.pdf", so a
  // downloaded copy opens as a PDF, never as a page in the browser.
  const extensions = FILE_EXTENSIONS[type];
  return extensions.some((e) => named.toLowerCase().endsWith(e)) ? named : `${named.slice(0, 200 - extensions[0].length)}${extensions[0]}`;
}

/** The extensions a stored name may end in, per content type (the first is added when none fits). */
const FILE_EXTENSIONS: Record<DocumentType, readonly string[]> = {
  pdf: ['.pdf'],
  jpeg: ['.jpg', '.jpeg'],
  png: ['.png'],
  xlsx: ['.xlsx'],
};

export async function uploadDocument(
  db: Db,
  actor: Actor,
  meta: DocumentUpload,
  file: { name: string; content: AsyncIterable<Uint8Array> },
  requestId?: string | null,
  store: BlobStore = defaultStore(db),
): Promise<DocumentVersion> {
  assertRole(actor, 'enterprise');
  const enterpriseId = actor.enterpriseId!;
  if (meta.ipAssetId && !(await ipAssetOfEnterprise(db, meta.ipAssetId, enterpriseId))) throw new AppError('not_found', 'not_found', { field: 'ipAssetId' });
  let type: DocumentType | null = null;
  const stored = await store.put(checkedContent(rechunk(file.content), (t) => (type = t)));
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const doc = await lockDocumentSlot(t, {
      enterpriseId,
      kind: meta.kind,
      year: meta.year,
      expiresOn: meta.expiresOn,
      ipAssetId: meta.ipAssetId,
      title: meta.title,
    });
    const version = await insertVersion(
      t,
      {
        documentId: doc.id,
        version: 0,
        blobId: stored.blobId,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        contentType: DOCUMENT_TYPES[type!],
        originalName: cleanFileName(file.name, type!),
        uploadedBy: actor.userId,
      },
      meta.expiresOn,
    );
    await writeAudit(t, { actor, action: 'document.upload', entity: 'document', entityId: doc.id, after: version, requestId });
    return version;
  });
}

export async function listDocuments(db: Db, actor: Actor) {
  assertRole(actor, 'enterprise');
  return enterpriseDocuments(db, actor.enterpriseId!);
}

/** The enterprise's log of downloads by others. */
export async function documentAccessLog(db: Db, actor: Actor) {
  assertRole(actor, 'enterprise');
  return documentAccessFor(db, actor.enterpriseId!);
}

export interface DocumentDownload {
  originalName: string;
  contentType: string;
  sizeBytes: number;
  content: AsyncIterable<Uint8Array>;
}

/**
 * Opens one version for download. The check and the log row come before the first byte: an
 * institution without a live consent over an application the version was shared with, another
 * enterprise, or an admin without a reason gets nothing.
 */
export async function openDocument(
  db: Db,
  actor: Actor,
  versionId: string,
  opts: { reason?: string | null } = {},
  requestId?: string | null,
  store: BlobStore = defaultStore(db),
): Promise<DocumentDownload> {
  const v = await versionWithDocument(db, versionId);
  if (!v) throw new AppError('not_found');
  if (actor.role === 'enterprise') {
    if (actor.enterpriseId !== v.enterpriseId) throw new AppError('not_found');
  } else if (actor.role === 'institution') {
    const access = await sharedAccess(db, versionId, actor.institutionId!);
    if (!access) throw new AppError('not_found');
    await logDocumentAccess(db, {
      documentVersionId: v.id,
      enterpriseId: v.enterpriseId,
      userId: actor.userId,
      institutionId: actor.institutionId,
      applicationId: access.applicationId,
      consentId: access.consentId,
    });
  } else {
    const reason = investigationReasonSchema.safeParse(opts.reason ?? '');
    if (!reason.success) throw new AppError('forbidden', 'documents.errors.investigation_reason');
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      await logDocumentAccess(t, { documentVersionId: v.id, enterpriseId: v.enterpriseId, userId: actor.userId, reason: reason.data });
      await writeAudit(t, {
        actor,
        action: 'document.investigate',
        entity: 'document',
        entityId: v.documentId,
        after: { versionId: v.id, reason: reason.data },
        requestId,
      });
    });
  }
  return { originalName: v.originalName, contentType: v.contentType, sizeBytes: v.sizeBytes, content: store.get(v.sha256) };
}

/** The enterprise's consents still in force (the status page of a rejected enterprise lists them to withdraw). */
export async function liveConsents(db: Db, actor: Actor) {
  assertRole(actor, 'enterprise');
  return liveConsentsOf(db, actor.enterpriseId!);
}

/** Everything /enterprise/documents shows: the documents with their versions, the IP assets to tie certificates to, and the access log. */
export async function vaultView(db: Db, actor: Actor) {
  assertRole(actor, 'enterprise');
  const [docs, assets, log, consents] = await Promise.all([
    enterpriseDocuments(db, actor.enterpriseId!),
    listEnterpriseIpAssets(db, actor.enterpriseId!, { limit: 200, offset: 0 }),
    documentAccessFor(db, actor.enterpriseId!),
    liveConsentsOf(db, actor.enterpriseId!),
  ]);
  return { documents: docs, ipAssets: assets.items.map((a) => ({ id: a.id, number: a.number, title: a.title })), accessLog: log, consents };
}

/**
 * The enterprise ends an institution's consent: from now on that institution sees neither its
 * financial values nor the documents its applications shared (404). Another enterprise's consent,
 * or one already ended: not found.
 */
export async function revokeConsent(db: Db, actor: Actor, consentId: string, requestId?: string | null) {
  assertRole(actor, 'enterprise');
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const c = await revokeConsentRow(t, actor.enterpriseId!, consentId);
    if (!c) throw new AppError('not_found');
    await writeAudit(t, { actor, action: 'consent.revoke', entity: 'consent', entityId: c.id, after: c, requestId });
    return c;
  });
}

/** Admins see documents' metadata (never content here; content only with an investigation reason, through openDocument). */
export async function documentsForAdmin(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  assertRole(actor, 'admin');
  return recentVersions(db, page);
}
