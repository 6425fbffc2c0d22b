// SQL of the document vault: content-addressed blobs in 256 KB chunks, documents and their
// versions, what was shared with which application, 补充材料 requests and the access log.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { jsonArray, parseJson } from './json';
import {
  applicationDocuments,
  applications,
  blobChunks,
  blobs,
  consentAccessLog,
  consents,
  documentAccessLog,
  documentVersions,
  documents,
  enterprises,
  institutions,
  ipAssets,
  materialRequests,
  productRequiredDocuments,
  users,
  type DocumentKind,
} from '../schema';

// ---------------------------------------------------------------- blobs

export async function insertPendingBlob(db: Db): Promise<string> {
  const [b] = await db.insert(blobs).values({}).returning({ id: blobs.id });
  return b.id;
}

export async function insertChunk(db: Db, blobId: string, seq: number, data: Uint8Array) {
  await db.insert(blobChunks).values({ blobId, seq, data });
}

/** Completes a pending blob with its hash; null when another blob already holds that content. */
export async function completeBlob(db: Db, blobId: string, sha256: string, sizeBytes: number, chunkCount: number): Promise<boolean> {
  const rows = await db.execute(sql`
    update ${blobs} set sha256 = ${sha256}, size_bytes = ${sizeBytes}, chunk_count = ${chunkCount}, completed_at = now()
    where id = ${blobId} and not exists (select 1 from ${blobs} b where b.sha256 = ${sha256})
    returning id`);
  return rowsOf<{ id: string }>(rows).length === 1;
}

export async function blobBySha(db: Db, sha256: string) {
  const [b] = await db.select().from(blobs).where(eq(blobs.sha256, sha256)).limit(1);
  return b ?? null;
}

/** Deletes a blob and its chunks (a refused or duplicate upload). */
export async function deleteBlob(db: Db, blobId: string) {
  await db.delete(blobs).where(eq(blobs.id, blobId));
}

/**
 * Deletes, with their chunks, the blobs created before `before` that no document version uses:
 * uploads cut off before they completed (a crash or a dropped connection mid-stream) and content
 * left behind when its version was never written. The grace period covers uploads in progress.
 */
export async function sweepOrphanBlobs(db: Db, before: Date): Promise<number> {
  const rows = await db.execute(sql`
    delete from ${blobs} b
    where b.created_at < ${before.toISOString()}
      and not exists (select 1 from ${documentVersions} v where v.blob_id = b.id)
    returning b.id`);
  return rowsOf<{ id: string }>(rows).length;
}

export async function readChunk(db: Db, blobId: string, seq: number): Promise<Uint8Array | null> {
  const [c] = await db
    .select({ data: blobChunks.data })
    .from(blobChunks)
    .where(and(eq(blobChunks.blobId, blobId), eq(blobChunks.seq, seq)))
    .limit(1);
  return c?.data ?? null;
}

// ---------------------------------------------------------------- documents and versions

export interface DocumentSlot {
  enterpriseId: string;
  kind: DocumentKind;
  year: number | null;
  expiresOn: string | null;
  ipAssetId: string | null;
  /** 其他材料's name; null for the other kinds. */
  title: string | null;
}

/** The document for this slot (kind, year, asset, name), created if new and locked for the new version. */
export async function lockDocumentSlot(db: Db, slot: DocumentSlot) {
  await db.execute(sql`
    insert into ${documents} (enterprise_id, kind, year, expires_on, ip_asset_id, title)
    values (${slot.enterpriseId}, ${slot.kind}, ${slot.year}, ${slot.expiresOn}, ${slot.ipAssetId}, ${slot.title})
    on conflict (enterprise_id, kind, coalesce(year, 0), coalesce(ip_asset_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(title, '')) do nothing`);
  const [d] = await db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.enterpriseId, slot.enterpriseId),
        eq(documents.kind, slot.kind),
        sql`coalesce(${documents.year}, 0) = ${slot.year ?? 0}`,
        sql`coalesce(${documents.ipAssetId}, '00000000-0000-0000-0000-000000000000'::uuid) = ${slot.ipAssetId ?? '00000000-0000-0000-0000-000000000000'}::uuid`,
        sql`coalesce(${documents.title}, '') = ${slot.title ?? ''}`,
      ),
    )
    .for('update');
  return d;
}

export async function insertVersion(db: Db, values: typeof documentVersions.$inferInsert, expiresOn: string | null) {
  const [{ next }] = await db
    .select({ next: sql<number>`coalesce(max(${documentVersions.version}), 0)::int + 1` })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, values.documentId));
  await db
    .update(documentVersions)
    .set({ supersededAt: sql`now()` })
    .where(and(eq(documentVersions.documentId, values.documentId), isNull(documentVersions.supersededAt)));
  const [v] = await db
    .insert(documentVersions)
    .values({ ...values, version: Number(next) })
    .returning();
  await db.update(documents).set({ currentVersionId: v.id, expiresOn, updatedAt: sql`now()` }).where(eq(documents.id, values.documentId));
  return v;
}

const versionColumns = {
  id: documentVersions.id,
  documentId: documentVersions.documentId,
  version: documentVersions.version,
  sha256: documentVersions.sha256,
  sizeBytes: documentVersions.sizeBytes,
  contentType: documentVersions.contentType,
  originalName: documentVersions.originalName,
  uploadedAt: documentVersions.uploadedAt,
  supersededAt: documentVersions.supersededAt,
  uploaderName: users.name,
};

/** Every document of an enterprise with all its versions, newest first. */
export async function enterpriseDocuments(db: Db, enterpriseId: string) {
  const docs = await db
    .select({
      id: documents.id,
      kind: documents.kind,
      year: documents.year,
      title: documents.title,
      expiresOn: documents.expiresOn,
      ipAssetId: documents.ipAssetId,
      ipNumber: ipAssets.number,
      currentVersionId: documents.currentVersionId,
    })
    .from(documents)
    .leftJoin(ipAssets, eq(ipAssets.id, documents.ipAssetId))
    .where(eq(documents.enterpriseId, enterpriseId))
    .orderBy(asc(documents.kind), desc(documents.year), asc(documents.title));
  if (docs.length === 0) return [];
  const versions = await db
    .select(versionColumns)
    .from(documentVersions)
    .innerJoin(users, eq(users.id, documentVersions.uploadedBy))
    .where(
      inArray(
        documentVersions.documentId,
        docs.map((d) => d.id),
      ),
    )
    .orderBy(desc(documentVersions.version));
  return docs.map((d) => ({ ...d, versions: versions.filter((v) => v.documentId === d.id) }));
}

/** One version with its document (for a download): enterprise, kind, year, blob. */
export async function versionWithDocument(db: Db, versionId: string) {
  const [v] = await db
    .select({
      id: documentVersions.id,
      blobId: documentVersions.blobId,
      sha256: documentVersions.sha256,
      sizeBytes: documentVersions.sizeBytes,
      contentType: documentVersions.contentType,
      originalName: documentVersions.originalName,
      version: documentVersions.version,
      documentId: documents.id,
      enterpriseId: documents.enterpriseId,
      kind: documents.kind,
      year: documents.year,
      title: documents.title,
    })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(eq(documentVersions.id, versionId))
    .limit(1);
  return v ?? null;
}

// ---------------------------------------------------------------- sharing under consent

/** The application of this institution that the version was shared with, under a live consent covering documents. */
export async function sharedAccess(db: Db, versionId: string, institutionId: string) {
  const [r] = await db
    .select({ applicationId: applications.id, consentId: consents.id })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .innerJoin(
      consents,
      and(
        eq(consents.enterpriseId, applications.enterpriseId),
        eq(consents.institutionId, applications.institutionId),
        sql`${consents.revokedAt} is null and ${consents.expiresAt} > now() and 'documents' = any(${consents.scope})`,
      ),
    )
    .where(and(eq(applicationDocuments.documentVersionId, versionId), eq(applications.institutionId, institutionId)))
    .orderBy(desc(consents.expiresAt))
    .limit(1);
  return r ?? null;
}

export async function logDocumentAccess(db: Db, values: typeof documentAccessLog.$inferInsert) {
  await db.insert(documentAccessLog).values(values);
  if (values.consentId)
    await db.insert(consentAccessLog).values({ consentId: values.consentId, userId: values.userId, what: `document:${values.documentVersionId}` });
}

/** The enterprise's access log: who downloaded what, when (newest first, paged). */
export async function documentAccessFor(db: Db, enterpriseId: string, limit = 50) {
  return db
    .select({
      at: documentAccessLog.at,
      userName: users.name,
      institutionName: institutions.name,
      reason: documentAccessLog.reason,
      kind: documents.kind,
      year: documents.year,
      title: documents.title,
      version: documentVersions.version,
      originalName: documentVersions.originalName,
    })
    .from(documentAccessLog)
    .innerJoin(users, eq(users.id, documentAccessLog.userId))
    .leftJoin(institutions, eq(institutions.id, documentAccessLog.institutionId))
    .innerJoin(documentVersions, eq(documentVersions.id, documentAccessLog.documentVersionId))
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(eq(documentAccessLog.enterpriseId, enterpriseId))
    .orderBy(desc(documentAccessLog.at))
    .limit(limit);
}

export async function shareVersions(db: Db, applicationId: string, versionIds: string[], userId: string) {
  if (versionIds.length === 0) return;
  await db
    .insert(applicationDocuments)
    .values(versionIds.map((documentVersionId) => ({ applicationId, documentVersionId, sharedBy: userId })))
    .onConflictDoNothing();
}

/** Current versions among the given document ids that belong to the enterprise. */
export async function currentVersionsOf(db: Db, enterpriseId: string, documentIds: string[]) {
  if (documentIds.length === 0) return [];
  return db
    .select({ documentId: documents.id, versionId: documents.currentVersionId })
    .from(documents)
    .where(and(eq(documents.enterpriseId, enterpriseId), inArray(documents.id, documentIds)));
}

// ---------------------------------------------------------------- products' requirements, 补充材料

export async function requiredDocumentsOf(db: Db, productId: string) {
  return db
    .select({ kind: productRequiredDocuments.kind, years: productRequiredDocuments.years })
    .from(productRequiredDocuments)
    .where(eq(productRequiredDocuments.productId, productId))
    .orderBy(asc(productRequiredDocuments.kind));
}

export async function setRequiredDocuments(db: Db, productId: string, rows: { kind: DocumentKind; years: number }[]) {
  await db.delete(productRequiredDocuments).where(eq(productRequiredDocuments.productId, productId));
  if (rows.length) await db.insert(productRequiredDocuments).values(rows.map((r) => ({ productId, ...r })));
}

export async function insertMaterialRequest(db: Db, values: typeof materialRequests.$inferInsert) {
  const [r] = await db.insert(materialRequests).values(values).returning();
  return r;
}

export async function answerMaterialRequests(db: Db, applicationId: string) {
  await db
    .update(materialRequests)
    .set({ answeredAt: sql`now()` })
    .where(and(eq(materialRequests.applicationId, applicationId), isNull(materialRequests.answeredAt)));
}

export async function ipAssetOfEnterprise(db: Db, ipAssetId: string, enterpriseId: string) {
  const [a] = await db
    .select({ id: ipAssets.id })
    .from(ipAssets)
    .where(and(eq(ipAssets.id, ipAssetId), eq(ipAssets.enterpriseId, enterpriseId)))
    .limit(1);
  return a ?? null;
}

/** The enterprise's live consents, with the institution's name. */
export async function liveConsentsOf(db: Db, enterpriseId: string) {
  return db
    .select({
      id: consents.id,
      institutionName: institutions.name,
      scope: consents.scope,
      source: consents.source,
      grantedAt: consents.grantedAt,
      expiresAt: consents.expiresAt,
    })
    .from(consents)
    .innerJoin(institutions, eq(institutions.id, consents.institutionId))
    .where(and(eq(consents.enterpriseId, enterpriseId), sql`${consents.revokedAt} is null and ${consents.expiresAt} > now()`))
    .orderBy(desc(consents.grantedAt))
    .limit(100);
}

/** Revokes one of the enterprise's consents; the row before, or null when it is not the enterprise's or not live. */
export async function revokeConsentRow(db: Db, enterpriseId: string, consentId: string) {
  const [c] = await db
    .update(consents)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(consents.id, consentId), eq(consents.enterpriseId, enterpriseId), sql`${consents.revokedAt} is null`))
    .returning();
  return c ?? null;
}

/** Document versions across enterprises, newest first (metadata only), for the admins. */
export async function recentVersions(db: Db, page: { limit: number; offset: number }) {
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: documentVersions.id,
        version: documentVersions.version,
        originalName: documentVersions.originalName,
        contentType: documentVersions.contentType,
        sizeBytes: documentVersions.sizeBytes,
        uploadedAt: documentVersions.uploadedAt,
        kind: documents.kind,
        year: documents.year,
        title: documents.title,
        enterpriseName: enterprises.name,
      })
      .from(documentVersions)
      .innerJoin(documents, eq(documents.id, documentVersions.documentId))
      .innerJoin(enterprises, eq(enterprises.id, documents.enterpriseId))
      .orderBy(desc(documentVersions.uploadedAt), asc(documentVersions.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(documentVersions),
  ]);
  return { items, total: Number(total) };
}

type SharedDocumentJson = {
  versionId: string;
  version: number;
  originalName: string;
  sizeBytes: number;
  contentType: string;
  uploadedAt: string;
  sharedAt: string;
  kind: DocumentKind;
  year: number | null;
  title: string | null;
  expiresOn: string | null;
  ipNumber: string | null;
};
type MaterialRequestJson = Omit<typeof materialRequests.$inferSelect, 'requestedAt' | 'answeredAt'> & { requestedAt: string; answeredAt: string | null };

/**
 * What an application's documents section shows, in one statement: the product's declared
 * requirements, the versions shared with the application (as applicationSharedDocuments orders
 * them), its open 补充材料 request and whether the enterprise's documents consent to the
 * institution is live (as documentsConsentLive). Null for an unknown application.
 */
/** What an application's documents section reads, as select fields of a statement over applications. */
export const applicationDocumentFields = {
  required: jsonArray<{ kind: DocumentKind; years: number }>(
    sql`select json_agg(json_build_object('kind', r.kind, 'years', r.years) order by r.kind) from ${productRequiredDocuments} r where r.product_id = "applications"."product_id"`,
  ),
  shared: jsonArray<SharedDocumentJson>(
    sql`select json_agg(json_build_object('versionId', v.id, 'version', v.version, 'originalName', v.original_name, 'sizeBytes', v.size_bytes,
            'contentType', v.content_type, 'uploadedAt', v.uploaded_at, 'sharedAt', ad.shared_at, 'kind', d.kind, 'year', d.year,
            'title', d.title, 'expiresOn', d.expires_on::text, 'ipNumber', ia.number) order by d.kind, d.year desc nulls first, d.title, v.version desc)
          from ${applicationDocuments} ad join ${documentVersions} v on v.id = ad.document_version_id join ${documents} d on d.id = v.document_id
          left join ${ipAssets} ia on ia.id = d.ip_asset_id where ad.application_id = "applications"."id"`,
  ),
  request: sql<MaterialRequestJson | null>`(select json_build_object('id', m.id, 'applicationId', m.application_id, 'kinds', m.kinds, 'reason', m.reason,
          'requestedBy', m.requested_by, 'requestedAt', m.requested_at, 'answeredAt', m.answered_at)
          from ${materialRequests} m where m.application_id = "applications"."id" and m.answered_at is null order by m.requested_at desc limit 1)`.mapWith(
    (v: unknown) => parseJson<MaterialRequestJson | null>(v),
  ),
  consentLive:
    sql<boolean>`exists (select 1 from ${consents} c where c.enterprise_id = "applications"."enterprise_id" and c.institution_id = "applications"."institution_id"
          and c.revoked_at is null and c.expires_at > now() and 'documents' = any(c.scope))`.mapWith(Boolean),
};

type ApplicationDocumentFields = { [K in keyof typeof applicationDocumentFields]: (typeof applicationDocumentFields)[K]['_']['type'] };

export function parseApplicationDocumentRows(r: ApplicationDocumentFields) {
  return {
    required: r.required,
    shared: r.shared.map((s) => ({ ...s, uploadedAt: new Date(s.uploadedAt), sharedAt: new Date(s.sharedAt) })),
    request: r.request
      ? { ...r.request, requestedAt: new Date(r.request.requestedAt), answeredAt: r.request.answeredAt ? new Date(r.request.answeredAt) : null }
      : null,
    consentLive: r.consentLive,
  };
}
export type ApplicationDocumentRows = ReturnType<typeof parseApplicationDocumentRows>;

export async function applicationDocumentRows(db: Db, applicationId: string): Promise<ApplicationDocumentRows | null> {
  const [r] = await db.select(applicationDocumentFields).from(applications).where(eq(applications.id, applicationId)).limit(1);
  return r ? parseApplicationDocumentRows(r) : null;
}
