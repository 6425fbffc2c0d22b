// Applying shares the chosen vault documents with the product's institution (under the consent the
// application grants) and records the chosen repayment method; 补充材料 moves the application to
// materials_requested as the institution's first action, and the enterprise's resubmission shares
// more; approval may change the repayment method and the loan uses it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { applicationDocuments, applications, loans, materialRequests, notifications, parks, products } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { submitApplication, transitionApplication } from '../applications/service';
import { createProduct, declaredDocuments, updateProduct } from '../products/service';
import { emptyProductForm, productFormSchema, productToForm } from '../validation/product';
import { applicationDocumentsView, applyDocumentsView } from './sharing';
import type { Actor } from '../auth/actor';
import { enterpriseActor, institutionActor } from '../test-fixtures';
import { applicationDecisionSchema, applicationFormSchema, type ApplicationFormInput } from '../validation/application';
import { documentUploadSchema } from '../validation/document';
import { collect, once, PDF_HEAD, smallFile } from './test-files';
import { openDocument, uploadDocument } from './vault';

let h: DbHandle;
let sme: Actor;
let otherSme: Actor;
let bank: Actor;
let otherBank: Actor;
let productId: string;
let n = 0;

const upload = async (actor: Actor, fields: Record<string, string>, body: string) =>
  uploadDocument(h.db, actor, documentUploadSchema.parse(fields), { name: `${body}.pdf`, content: once(smallFile(PDF_HEAD, body)) });
const form = (over: Partial<ApplicationFormInput> = {}) =>
  applicationFormSchema.parse({ productId, needId: '', amountWan: '500', termMonths: '12', ipAssetIds: [], idempotencyKey: `share-key-${++n}`, ...over });
const decide = (actor: Actor, input: Record<string, unknown>) => transitionApplication(h.db, actor, applicationDecisionSchema.parse(input));
const sharedWith = async (applicationId: string) =>
  (await h.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, applicationId))).map((r) => r.documentVersionId).sort();

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  sme = await enterpriseActor(h.db, { name: '共享测试科技', parkId: p.id });
  otherSme = await enterpriseActor(h.db, { name: '别家科技', parkId: p.id });
  bank = await institutionActor(h.db, { name: '工商银行佛山分行' });
  otherBank = await institutionActor(h.db, { name: '建设银行佛山分行' });
  const [prod] = await h.db
    .insert(products)
    .values({
      institutionId: bank.institutionId!,
      name: '信用贷',
      category: 'credit',
      summary: 's',
      amountMinFen: 100_000_000n,
      amountMaxFen: 1_000_000_000n,
      termMinMonths: 6,
      termMaxMonths: 36,
      rateMinBp: 300,
      rateMaxBp: 450,
      guaranteeMethods: ['credit'],
      repaymentMethods: ['equal_installment', 'bullet'],
      status: 'published',
      publishedAt: new Date(),
    })
    .returning();
  productId = prod.id;
});
afterAll(async () => h?.close());

describe('sharing documents when applying', () => {
  it('shares the current versions of the chosen documents and keeps the chosen repayment method', async () => {
    const fs = await upload(sme, { kind: 'financial_statement', year: '2025' }, 'fs2025');
    const tax = await upload(sme, { kind: 'tax_certificate' }, 'tax');
    await upload(sme, { kind: 'business_license' }, 'licence'); // not chosen
    const { application } = await submitApplication(h.db, sme, form({ documentIds: [fs.documentId, tax.documentId], repaymentMethod: 'bullet' }));
    expect(application.repaymentMethod).toBe('bullet');
    expect(await sharedWith(application.id)).toEqual([fs.id, tax.id].sort());
    expect((await collect((await openDocument(h.db, bank, fs.id)).content)).equals(smallFile(PDF_HEAD, 'fs2025'))).toBe(true);
    await expect(openDocument(h.db, otherBank, fs.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('without a choice the product’s first method; a method the product lacks is refused', async () => {
    const { application } = await submitApplication(h.db, sme, form());
    expect(application.repaymentMethod).toBe('equal_installment');
    await expect(submitApplication(h.db, sme, form({ repaymentMethod: 'interest_first' }))).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'documents.errors.repayment_method',
    });
  });

  it('another enterprise’s document id is not found, and nothing is created', async () => {
    const theirs = await upload(otherSme, { kind: 'tax_certificate' }, 'their-tax');
    const f = form({ documentIds: [theirs.documentId] });
    await expect(submitApplication(h.db, sme, f)).rejects.toMatchObject({ code: 'not_found' });
    expect(await h.db.select().from(applications).where(eq(applications.idempotencyKey, f.idempotencyKey))).toEqual([]);
  });
});

describe('补充材料 and the repayment method through to the loan', () => {
  it('request → materials_requested (first action), resubmit shares more, approval changes the method, the loan uses it', async () => {
    const fs = await upload(sme, { kind: 'financial_statement', year: '2024' }, 'fs2024');
    const { application } = await submitApplication(h.db, sme, form({ documentIds: [fs.documentId], repaymentMethod: 'bullet' }));
    await expect(
      decide(otherBank, { applicationId: application.id, action: 'request_materials', kinds: ['credit_authorization'], reason: '请补充征信授权书' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const requested = await decide(bank, {
      applicationId: application.id,
      action: 'request_materials',
      kinds: ['credit_authorization'],
      reason: '请补充征信授权书',
    });
    expect(requested.status).toBe('materials_requested');
    expect(requested.firstActionAt).not.toBeNull();
    const [req] = await h.db.select().from(materialRequests).where(eq(materialRequests.applicationId, application.id));
    expect(req).toMatchObject({ kinds: ['credit_authorization'], reason: '请补充征信授权书', answeredAt: null });
    // Both sides' documents section (one statement): the open request as stored, the shared version, the live consent.
    const app = (await h.db.select().from(applications).where(eq(applications.id, application.id)))[0];
    const product = (await h.db.select().from(products).where(eq(products.id, productId)))[0];
    const [shareRow] = await h.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, application.id));
    for (const actor of [bank, sme]) {
      const view = await applicationDocumentsView(h.db, actor, app, product);
      expect(view.request).toEqual(req);
      expect(view.consentLive).toBe(true);
      expect(view.shared).toEqual([
        expect.objectContaining({
          versionId: fs.id,
          version: 1,
          kind: 'financial_statement',
          year: 2024,
          expiresOn: null,
          ipNumber: null,
          sharedAt: shareRow.sharedAt,
        }),
      ]);
      expect(view.shared[0].uploadedAt).toBeInstanceOf(Date);
      expect(typeof view.shared[0].sizeBytes).toBe('number');
    }
    await expect(applicationDocumentsView(h.db, otherBank, app, product)).rejects.toMatchObject({ code: 'not_found' });
    expect(
      await h.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.enterpriseId, sme.enterpriseId!), eq(notifications.kind, 'application.request_materials'))),
    ).toHaveLength(1);
    await expect(decide(bank, { applicationId: application.id, action: 'accept' })).rejects.toMatchObject({ code: 'conflict' });

    const auth = await upload(sme, { kind: 'credit_authorization' }, 'auth');
    await expect(decide(otherSme, { applicationId: application.id, action: 'resubmit', documentIds: [auth.documentId] })).rejects.toMatchObject({
      code: 'not_found',
    });
    const resubmitted = await decide(sme, { applicationId: application.id, action: 'resubmit', documentIds: [auth.documentId] });
    expect(resubmitted.status).toBe('submitted');
    expect(resubmitted.firstActionAt).toEqual(requested.firstActionAt);
    expect(await sharedWith(application.id)).toEqual([fs.id, auth.id].sort());
    expect((await h.db.select().from(materialRequests).where(eq(materialRequests.applicationId, application.id)))[0].answeredAt).not.toBeNull();

    await decide(bank, { applicationId: application.id, action: 'accept' });
    await expect(
      decide(bank, {
        applicationId: application.id,
        action: 'approve',
        approvedAmountWan: '400',
        approvedRate: '3.45',
        approvedTermMonths: '12',
        repaymentMethod: 'interest_first',
      }),
    ).rejects.toMatchObject({ messageKey: 'documents.errors.repayment_method' });
    const approved = await decide(bank, {
      applicationId: application.id,
      action: 'approve',
      approvedAmountWan: '400',
      approvedRate: '3.45',
      approvedTermMonths: '12',
      repaymentMethod: 'equal_installment',
    });
    // The enterprise's choice stays what it applied for; the approval's is a fact of its own.
    expect(approved.repaymentMethod).toBe('bullet');
    expect(approved.approvedRepaymentMethod).toBe('equal_installment');
    await decide(bank, { applicationId: application.id, action: 'disburse' });
    const [loan] = await h.db.select().from(loans).where(eq(loans.applicationId, application.id));
    expect(loan.repaymentMethod).toBe('equal_installment');
  });

  it('an approval that names no method approves the one applied for, and the loan uses it', async () => {
    const { application } = await submitApplication(h.db, sme, form({ repaymentMethod: 'bullet' }));
    await decide(bank, { applicationId: application.id, action: 'accept' });
    const approved = await decide(bank, {
      applicationId: application.id,
      action: 'approve',
      approvedAmountWan: '400',
      approvedRate: '3.45',
      approvedTermMonths: '12',
    });
    expect([approved.repaymentMethod, approved.approvedRepaymentMethod]).toEqual(['bullet', 'bullet']);
    await decide(bank, { applicationId: application.id, action: 'disburse' });
    const [loan] = await h.db.select().from(loans).where(eq(loans.applicationId, application.id));
    expect(loan.repaymentMethod).toBe('bullet');
  });
});

describe('products declare their documents', () => {
  it('the form’s kinds become the product’s requirements, checked against the vault when applying', async () => {
    const form = {
      ...emptyProductForm,
      name: '科技信用贷',
      category: 'credit' as const,
      summary: '面向园区企业的信用贷款',
      amountMinWan: '100',
      amountMaxWan: '1000',
      termMinMonths: '6',
      termMaxMonths: '36',
      rateMin: '3.50',
      rateMax: '4.50',
      guaranteeMethods: ['credit' as const],
      repaymentMethods: ['equal_installment' as const],
      documentKinds: ['financial_statement' as const, 'tax_certificate' as const],
      statementYears: '2',
    };
    const p = await createProduct(h.db, bank, productFormSchema.parse(form));
    expect(await declaredDocuments(h.db, bank, p.id)).toEqual([
      { kind: 'financial_statement', years: 2 },
      { kind: 'tax_certificate', years: 1 },
    ]);
    await expect(declaredDocuments(h.db, otherBank, p.id)).rejects.toMatchObject({ code: 'not_found' });
    const view = await applyDocumentsView(h.db, otherSme, p); // it holds a 纳税证明 only
    const thisYear = Number(new Date().toISOString().slice(0, 4));
    expect(view.checklist.map((c) => [c.kind, c.year, c.state])).toEqual([
      ['financial_statement', thisYear - 1, 'missing'],
      ['financial_statement', thisYear - 2, 'missing'],
      ['tax_certificate', null, 'have'],
    ]);
    await updateProduct(
      h.db,
      bank,
      p.id,
      productFormSchema.parse({ ...productToForm(p, await declaredDocuments(h.db, bank, p.id)), documentKinds: ['business_license'] }),
    );
    expect(await declaredDocuments(h.db, bank, p.id)).toEqual([{ kind: 'business_license', years: 1 }]);
  });
});
