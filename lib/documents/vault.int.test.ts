// The vault: uploads are checked by content and size and become versions; content goes to the
// enterprise, to an institution an application shared it with under a live consent (each
// download logged where the enterprise reads it), or to an admin with a logged reason. Anyone
// else, or the same institution once consent ends: not found.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { shareVersions } from '../../db/queries/documents';
import {
  applications,
  auditEvents,
  blobChunks,
  blobs,
  consentAccessLog,
  consents,
  documentAccessLog,
  documentVersions,
  ipAssets,
  parks,
  products,
} from '../../db/schema';
import { enterpriseActor, institutionActor } from '../test-fixtures';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { documentUploadSchema } from '../validation/document';
import { MAX_DOCUMENT_BYTES } from './content-check';
import { bigFile, collect, once, PDF_HEAD, PNG_HEAD, smallFile, XLSX_HEAD } from './test-files';
import { documentAccessLog as accessLogOf, listDocuments, openDocument, revokeConsent, uploadDocument, vaultView, documentsForAdmin } from './vault';

let h: DbHandle;
let sme: Actor;
let otherSme: Actor;
let bank: Actor;
let otherBank: Actor;
const admin: Actor = { userId: '', role: 'admin', name: '管理员', email: 'a@x', enterpriseId: null, institutionId: null, memberRole: null };
const day = 86_400_000;

const meta = (o: Record<string, string>) => documentUploadSchema.parse(o);
const upload = (actor: Actor, m: Record<string, string>, name: string, content: AsyncIterable<Uint8Array>) =>
  uploadDocument(h.db, actor, meta(m), { name, content });
const rows = async (table: typeof blobChunks | typeof blobs | typeof documentVersions | typeof documentAccessLog) =>
  Number((await h.db.select({ n: count() }).from(table))[0].n);

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  sme = await enterpriseActor(h.db, { name: '资料测试科技', parkId: p.id });
  otherSme = await enterpriseActor(h.db, { name: '别家科技', parkId: p.id });
  bank = await institutionActor(h.db, { name: '工商银行佛山分行' });
  otherBank = await institutionActor(h.db, { name: '建设银行佛山分行' });
  admin.userId = (await institutionActor(h.db, { name: 'admin holder' })).userId;
});
afterAll(async () => h?.close());

describe('uploads', () => {
  it('refuses a file that is not PDF, JPEG, PNG or XLSX whatever its name, and stores nothing', async () => {
    const before = [await rows(blobs), await rows(blobChunks), await rows(documentVersions)];
    await expect(upload(sme, { kind: 'business_license' }, 'licence.pdf', once(Buffer.from('MZ\x90\x00 not a pdf')))).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'documents.errors.type',
    });
    expect([await rows(blobs), await rows(blobChunks), await rows(documentVersions)]).toEqual(before);
  });

  it('refuses a file over 20 MB and stores nothing', async () => {
    const before = [await rows(blobs), await rows(blobChunks), await rows(documentVersions)];
    const big = bigFile(PDF_HEAD, MAX_DOCUMENT_BYTES + 1);
    await expect(upload(sme, { kind: 'business_license' }, 'big.pdf', big.stream())).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'documents.errors.too_large',
    });
    expect([await rows(blobs), await rows(blobChunks), await rows(documentVersions)]).toEqual(before);
  }, 60_000);

  it('a new upload of the same kind and year supersedes the old version, which stays in history', async () => {
    const v1 = await upload(sme, { kind: 'financial_statement', year: '2025' }, '2025年财务报表.pdf', once(smallFile(PDF_HEAD, 'v1')));
    const v2 = await upload(sme, { kind: 'financial_statement', year: '2025' }, '2025年财务报表（修订）.xlsx', once(smallFile(XLSX_HEAD, 'v2')));
    await upload(sme, { kind: 'financial_statement', year: '2024' }, '2024.png', once(smallFile(PNG_HEAD)));
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v2.documentId).toBe(v1.documentId);
    expect(v2.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const docs = await listDocuments(h.db, sme);
    const fs2025 = docs.find((d) => d.kind === 'financial_statement' && d.year === 2025)!;
    expect(fs2025.currentVersionId).toBe(v2.id);
    expect(fs2025.versions.map((v) => [v.version, v.originalName, v.supersededAt === null])).toEqual([
      [2, '2025年财务报表（修订）.xlsx', true],
      [1, '2025年财务报表.pdf', false],
    ]);
    expect(docs.filter((d) => d.kind === 'financial_statement')).toHaveLength(2);
    expect(await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'document.upload'))).toHaveLength(3);
  });

  it('names each 其他材料: another name is a document of its own, the same name a new version; a name is required', async () => {
    const contract = await upload(sme, { kind: 'other', title: ' 设备采购合同 ' }, '合同.pdf', once(smallFile(PDF_HEAD, 'contract')));
    const lease = await upload(sme, { kind: 'other', title: '房屋租赁合同' }, '租赁.pdf', once(smallFile(PDF_HEAD, 'lease')));
    const contract2 = await upload(sme, { kind: 'other', title: '设备采购合同' }, '合同（盖章）.pdf', once(smallFile(PDF_HEAD, 'contract2')));
    expect(lease.documentId).not.toBe(contract.documentId);
    expect([contract2.documentId, contract2.version]).toEqual([contract.documentId, 2]);
    const others = (await listDocuments(h.db, sme)).filter((d) => d.kind === 'other');
    expect(others.map((d) => [d.title, d.versions.length])).toEqual(
      expect.arrayContaining([
        ['设备采购合同', 2],
        ['房屋租赁合同', 1],
      ]),
    );
    // Another enterprise's document of the same name is its own.
    const theirs = await upload(otherSme, { kind: 'other', title: '设备采购合同' }, '合同.pdf', once(smallFile(PDF_HEAD, 'theirs')));
    expect(theirs.documentId).not.toBe(contract.documentId);
    // The form's rules: a name for 其他材料 (trimmed, at most 60, one line); none kept for the other kinds.
    expect(documentUploadSchema.safeParse({ kind: 'other' }).error?.issues[0]).toMatchObject({ path: ['title'], message: 'documents.errors.name_required' });
    expect(documentUploadSchema.safeParse({ kind: 'other', title: '   ' }).error?.issues[0].message).toBe('documents.errors.name_required');
    expect(documentUploadSchema.safeParse({ kind: 'other', title: '合'.repeat(61) }).error?.issues[0].message).toBe('documents.errors.name_long');
    expect(documentUploadSchema.safeParse({ kind: 'other', title: '合同\n附件' }).error?.issues[0].message).toBe('control_chars');
    expect(meta({ kind: 'tax_certificate', title: '纳税证明' }).title).toBeNull();
  });

  it('keeps a name that ends in what the content is: a PDF named .html is stored as .html.pdf', async () => {
    const v = await upload(sme, { kind: 'financial_statement', year: '2023' }, '<img src=x onerror=alert(1)>.html', once(smallFile(PDF_HEAD, 'html')));
    expect(v).toMatchObject({ originalName: '<img src=x onerror=alert(1)>.html.pdf', contentType: 'application/pdf' });
    const jpeg = await upload(sme, { kind: 'financial_statement', year: '2022' }, 'scan.JPEG', once(smallFile(PNG_HEAD)));
    expect(jpeg.originalName).toBe('scan.JPEG.png');
  });

  it('a patent certificate belongs to one of the enterprise’s own IP assets', async () => {
    const [asset] = await h.db
      .insert(ipAssets)
      .values({ enterpriseId: otherSme.enterpriseId!, kind: 'invention', number: 'ZL202110123456.7', title: 'x', owners: ['别家科技'] })
      .returning();
    await expect(upload(sme, { kind: 'patent_certificate', ipAssetId: asset.id }, 'cert.pdf', once(smallFile(PDF_HEAD)))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(() => meta({ kind: 'patent_certificate' })).toThrow(/asset_required/);
    expect(() => meta({ kind: 'financial_statement' })).toThrow(/year_required/);
  });

  it('only an enterprise uploads', async () => {
    await expect(upload(bank, { kind: 'other', title: '设备采购合同' }, 'x.pdf', once(smallFile(PDF_HEAD)))).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('downloads under consent', () => {
  let versionId: string;
  let applicationId: string;
  let consentId: string;

  beforeAll(async () => {
    const v = await upload(sme, { kind: 'tax_certificate' }, '纳税证明.pdf', once(smallFile(PDF_HEAD, 'tax')));
    versionId = v.id;
    const [p] = await h.db
      .insert(products)
      .values({
        institutionId: bank.institutionId!,
        name: '信用贷',
        category: 'credit',
        summary: 's',
        amountMinFen: 1n,
        amountMaxFen: 10n ** 10n,
        termMinMonths: 1,
        termMaxMonths: 60,
        rateMinBp: 300,
        rateMaxBp: 600,
        guaranteeMethods: ['credit'],
        repaymentMethods: ['bullet'],
        status: 'published',
      })
      .returning();
    const [a] = await h.db
      .insert(applications)
      .values({
        enterpriseId: sme.enterpriseId!,
        productId: p.id,
        institutionId: bank.institutionId!,
        amountFen: 100_000_000n,
        termMonths: 12,
        idempotencyKey: crypto.randomUUID(),
        requestHash: 'x',
      })
      .returning();
    applicationId = a.id;
    await shareVersions(h.db, a.id, [v.id], sme.userId);
    const [c] = await h.db
      .insert(consents)
      .values({
        enterpriseId: sme.enterpriseId!,
        institutionId: bank.institutionId!,
        scope: ['financials', 'documents', 'ip_valuations'],
        source: 'application',
        expiresAt: new Date(Date.now() + day),
      })
      .returning();
    consentId = c.id;
  });

  it('the enterprise downloads its own document, unlogged', async () => {
    const d = await openDocument(h.db, sme, versionId);
    expect(d).toMatchObject({ originalName: '纳税证明.pdf', contentType: 'application/pdf' });
    expect((await collect(d.content)).equals(smallFile(PDF_HEAD, 'tax'))).toBe(true);
    expect(await rows(documentAccessLog)).toBe(0);
  });

  it('the institution it was shared with downloads it, and the enterprise reads who did', async () => {
    const d = await openDocument(h.db, bank, versionId);
    expect((await collect(d.content)).equals(smallFile(PDF_HEAD, 'tax'))).toBe(true);
    const log = await h.db.select().from(documentAccessLog);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      documentVersionId: versionId,
      userId: bank.userId,
      institutionId: bank.institutionId,
      applicationId,
      consentId,
      enterpriseId: sme.enterpriseId,
    });
    expect(await h.db.select().from(consentAccessLog).where(eq(consentAccessLog.consentId, consentId))).toHaveLength(1);
    const seen = await accessLogOf(h.db, sme);
    expect(seen[0]).toMatchObject({ institutionName: '工商银行佛山分行', userName: '工商银行佛山分行', kind: 'tax_certificate' });
    expect(await accessLogOf(h.db, otherSme)).toEqual([]);
  });

  it('another institution, another enterprise, or an unknown id: not found, nothing logged', async () => {
    const before = await rows(documentAccessLog);
    await expect(openDocument(h.db, otherBank, versionId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(openDocument(h.db, otherSme, versionId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(openDocument(h.db, bank, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
    expect(await rows(documentAccessLog)).toBe(before);
  });

  it('a version not shared with the institution’s application is not found, even with a consent', async () => {
    const unshared = await upload(sme, { kind: 'credit_authorization' }, '征信授权书.pdf', once(smallFile(PDF_HEAD, 'auth')));
    await expect(openDocument(h.db, bank, unshared.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('an admin sees content only with an investigation reason, which is logged and audited', async () => {
    await expect(openDocument(h.db, admin, versionId)).rejects.toMatchObject({ code: 'forbidden', messageKey: 'documents.errors.investigation_reason' });
    const d = await openDocument(h.db, admin, versionId, { reason: '核查贷款材料真实性' });
    expect((await collect(d.content)).length).toBeGreaterThan(0);
    const [row] = await h.db.select().from(documentAccessLog).where(eq(documentAccessLog.userId, admin.userId));
    expect(row).toMatchObject({ reason: '核查贷款材料真实性', institutionId: null });
    expect(await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'document.investigate'))).toHaveLength(1);
  });

  it('once the consent is revoked or expired, the same institution gets not found', async () => {
    await h.db.update(consents).set({ revokedAt: new Date() }).where(eq(consents.id, consentId));
    await expect(openDocument(h.db, bank, versionId)).rejects.toMatchObject({ code: 'not_found' });
    await h.db.insert(consents).values({
      enterpriseId: sme.enterpriseId!,
      institutionId: bank.institutionId!,
      scope: ['financials', 'documents'],
      source: 'application',
      expiresAt: new Date(Date.now() - 1000),
    });
    await expect(openDocument(h.db, bank, versionId)).rejects.toMatchObject({ code: 'not_found' });
    await h.db.insert(consents).values({
      enterpriseId: sme.enterpriseId!,
      institutionId: bank.institutionId!,
      scope: ['financials'],
      source: 'manual',
      expiresAt: new Date(Date.now() + day),
    });
    await expect(openDocument(h.db, bank, versionId)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the enterprise revokes a consent', () => {
  it('ends the institution’s access at once; another enterprise cannot revoke it; audited', async () => {
    const v = await upload(sme, { kind: 'other', title: '其他材料' }, '其他材料.pdf', once(smallFile(PDF_HEAD, 'other')));
    const [p] = await h.db
      .insert(products)
      .values({
        institutionId: otherBank.institutionId!,
        name: '建行信用贷',
        category: 'credit',
        summary: 's',
        amountMinFen: 1n,
        amountMaxFen: 10n ** 10n,
        termMinMonths: 1,
        termMaxMonths: 60,
        rateMinBp: 300,
        rateMaxBp: 600,
        guaranteeMethods: ['credit'],
        repaymentMethods: ['bullet'],
        status: 'published',
      })
      .returning();
    const [a] = await h.db
      .insert(applications)
      .values({
        enterpriseId: sme.enterpriseId!,
        productId: p.id,
        institutionId: otherBank.institutionId!,
        amountFen: 100_000_000n,
        termMonths: 12,
        idempotencyKey: crypto.randomUUID(),
        requestHash: 'x',
      })
      .returning();
    await shareVersions(h.db, a.id, [v.id], sme.userId);
    const [c] = await h.db
      .insert(consents)
      .values({
        enterpriseId: sme.enterpriseId!,
        institutionId: otherBank.institutionId!,
        scope: ['financials', 'documents', 'ip_valuations'],
        source: 'application',
        expiresAt: new Date(Date.now() + day),
      })
      .returning();
    await openDocument(h.db, otherBank, v.id);
    expect((await vaultView(h.db, sme)).consents.map((x) => x.id)).toContain(c.id);

    await expect(revokeConsent(h.db, otherSme, c.id)).rejects.toMatchObject({ code: 'not_found' });
    await revokeConsent(h.db, sme, c.id);
    await expect(openDocument(h.db, otherBank, v.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(revokeConsent(h.db, sme, c.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await vaultView(h.db, sme)).consents.map((x) => x.id)).not.toContain(c.id);
    expect(await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'consent.revoke'))).toHaveLength(1);
  });
});

describe('admins', () => {
  it('see documents’ metadata across enterprises; nobody else may list them', async () => {
    const { items, total } = await documentsForAdmin(h.db, admin, { limit: 100, offset: 0 });
    expect(total).toBe(await rows(documentVersions));
    expect(items.find((i) => i.originalName === '纳税证明.pdf')).toMatchObject({
      enterpriseName: '资料测试科技',
      kind: 'tax_certificate',
      contentType: 'application/pdf',
    });
    expect(Object.keys(items[0])).not.toContain('blobId');
    await expect(documentsForAdmin(h.db, bank, { limit: 10, offset: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(documentsForAdmin(h.db, sme, { limit: 10, offset: 0 })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
