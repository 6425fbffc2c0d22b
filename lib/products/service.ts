// Institutions publish loan products: create and edit drafts, then publish, suspend, republish,
// archive through the product state machine. Only active institutions publish.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import { requiredDocumentsOf, setRequiredDocuments } from '../../db/queries/documents';
import { getInstitution } from '../../db/queries/institutions';
import { keepProductCategory } from '../../db/queries/product-categories';
import { getScheme } from '../../db/queries/schemes';
import { countExistingParks, getProduct, insertProduct, liveApplicationsOfProduct, lockProduct, updateProductRow } from '../../db/queries/products';
import { products, type Product } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import { assertInstitutionScope, assertRole, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { catalogueChanged } from './public-cache';
import { productMachine, type ProductAction } from '../machines/product';
import type { ProductForm } from '../validation/product';

function columnsFrom(input: ProductForm) {
  return {
    name: input.name,
    category: input.category,
    summary: input.summary,
    description: input.description,
    amountMinFen: input.amountMinFen,
    amountMaxFen: input.amountMaxFen,
    termMinMonths: input.termMinMonths,
    termMaxMonths: input.termMaxMonths,
    rateType: input.rateType,
    rateMinBp: input.rateMin,
    rateMaxBp: input.rateMax,
    feeBp: input.feeRate,
    guaranteeMethods: input.guaranteeMethods,
    repaymentMethods: input.repaymentMethods,
    requiredCertifications: input.requiredCertifications,
    minInnovationScore: input.minInnovationScore,
    minYearsInOperation: input.minYearsInOperation,
    eligibleParkIds: input.eligibleParkIds,
    eligibleIndustries: input.eligibleIndustries,
    maxEmployees: input.maxEmployees,
    zoneExclusive: input.zoneExclusive,
    requiredDocuments: input.requiredDocuments,
    schemeId: input.schemeId,
  };
}

/** The declared document kinds as rows; 财务报表 carries its number of years. */
function requiredDocumentRows(input: ProductForm) {
  return input.documentKinds.map((kind) => ({ kind, years: kind === 'financial_statement' ? input.statementYears : 1 }));
}

/** The row as an audit snapshot, without the derived search grams. */
function snapshot(p: Product) {
  const { searchGrams: _omit, ...rest } = p;
  return rest;
}

/** The category must be one of the zone's (/admin/categories). */
async function assertCategoryExists(db: Db, code: string) {
  if (!(await keepProductCategory(db, code))) throw new AppError('invalid', 'unknown_category', { field: 'category' });
}

/** The scheme, when one is chosen, must exist and cover the product's category (its eligible categories). */
async function assertSchemeCovers(db: Db, schemeId: string | null, category: string) {
  if (!schemeId) return;
  const scheme = await getScheme(db, schemeId);
  if (!scheme) throw new AppError('invalid', 'product.errors.scheme', { field: 'schemeId' });
  if (!scheme.eligibleCategories.includes(category)) throw new AppError('invalid', 'product.errors.scheme_category', { field: 'schemeId' });
}

/** Every eligible park must exist (the schema keeps the list distinct and short). */
async function assertParksExist(db: Db, ids: number[]) {
  if ((await countExistingParks(db, ids)) !== ids.length) throw new AppError('invalid', 'park_ids', { field: 'eligibleParkIds' });
}

export async function createProduct(db: Db, actor: Actor, input: ProductForm, requestId?: string | null): Promise<Product> {
  assertRole(actor, 'institution');
  return db.transaction(async (tx) => {
    const t: Db = tx;
    await assertCategoryExists(t, input.category);
    await assertSchemeCovers(t, input.schemeId, input.category);
    await assertParksExist(t, input.eligibleParkIds);
    const p = await insertProduct(t, { ...columnsFrom(input), institutionId: actor.institutionId!, status: 'draft' });
    await setRequiredDocuments(t, p.id, requiredDocumentRows(input));
    await writeAudit(t, { actor, action: 'product.create', entity: 'product', entityId: p.id, after: snapshot(p), requestId });
    return p;
  });
}

/** Edits any product of the actor's institution that is not archived; a foreign id is not found. */
export async function updateProduct(db: Db, actor: Actor, productId: string, input: ProductForm, requestId?: string | null): Promise<Product> {
  assertRole(actor, 'institution');
  const updated = await db.transaction(async (tx) => {
    const t: Db = tx;
    const before = await lockProduct(t, productId);
    if (!before) throw new AppError('not_found');
    assertInstitutionScope(actor, before.institutionId);
    if (before.status === 'archived') throw new AppError('conflict', 'transition');
    // The category decides whether an application pledges IP and the scheme whether its loan is
    // covered: both are the terms applications were made under, fixed while any is being handled.
    if ((input.category !== before.category || input.schemeId !== before.schemeId) && (await liveApplicationsOfProduct(t, productId)) > 0)
      throw new AppError('conflict', 'product.errors.terms_locked', { field: input.category !== before.category ? 'category' : 'schemeId' });
    await assertCategoryExists(t, input.category);
    await assertSchemeCovers(t, input.schemeId, input.category);
    await assertParksExist(t, input.eligibleParkIds);
    const after = await updateProductRow(t, productId, columnsFrom(input));
    await setRequiredDocuments(t, productId, requiredDocumentRows(input));
    await writeAudit(t, {
      actor,
      action: 'product.update',
      entity: 'product',
      entityId: productId,
      before: snapshot(before),
      after: snapshot(after),
      requestId,
    });
    return after;
  });
  catalogueChanged(db);
  return updated;
}

export async function transitionProduct(db: Db, actor: Actor, productId: string, action: ProductAction, requestId?: string | null): Promise<Product> {
  const moved = await applyTransition<Product['status'], ProductAction, Product>(db, {
    machine: productMachine,
    table: products,
    id: productId,
    action,
    actor,
    requestId,
    authorise: (row) => assertInstitutionScope(actor, row.institutionId, { admin: action === 'suspend' }),
    changes: async (row, to, tx) => {
      if (to === 'published') {
        const inst = await getInstitution(tx, row.institutionId);
        if (inst?.status !== 'active') throw new AppError('forbidden', 'institution_not_active');
        return row.publishedAt ? {} : { publishedAt: new Date() };
      }
      return {};
    },
  });
  catalogueChanged(db);
  return moved;
}

/** The product for its institution's own pages (drafts included); foreign ids are not found. */
export async function getOwnProduct(db: Db, actor: Actor, productId: string): Promise<Product> {
  const p = await getProduct(db, productId);
  if (!p) throw new AppError('not_found');
  assertInstitutionScope(actor, p.institutionId);
  return p;
}

/** The document kinds a product of the actor's institution declares (for its edit form). */
export async function declaredDocuments(db: Db, actor: Actor, productId: string) {
  assertRole(actor, 'institution');
  const p = await getProduct(db, productId);
  if (!p) throw new AppError('not_found');
  assertInstitutionScope(actor, p.institutionId);
  return requiredDocumentsOf(db, productId);
}
