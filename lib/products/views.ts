// What the product pages read, one function per page: the public product page (with the
// eligibility check for a signed-in enterprise), the apply page, the comparison, and an
// institution's own products and edit page (a foreign product: not found).
import type { Db } from '../../db/client';
import { getEligibilityFacts } from '../../db/queries/enterprises';
import { getInstitution } from '../../db/queries/institutions';
import { lprOn } from '../../db/queries/lpr';
import { listAssetOptions, listEnterpriseNeeds } from '../../db/queries/needs';
import { listParks } from '../../db/queries/parks';
import { listSchemeOptions } from '../../db/queries/schemes';
import { getPublishedProduct, getPublishedProducts, listInstitutionProducts } from '../../db/queries/products';
import { assertRole, type Actor } from '../auth/actor';
import { zoneDay } from '../core/dates';
import { AppError } from '../core/errors';
import { applyDocumentsView, productRequirements } from '../documents/sharing';
import { checkEligibility } from '../matching/eligibility';
import { publicProduct } from './catalogue';
import { productCategories } from './categories';
import { declaredDocuments, getOwnProduct } from './service';

/**
 * The public product page: the product, parks and response times (cached per catalogue version),
 * the documents an application is checked against, and for a signed-in enterprise whether it
 * meets the product's rules. Null when unknown or not published.
 */
export async function productPage(db: Db, actor: Actor | null, productId: string) {
  const shown = await publicProduct(db, productId);
  if (!shown) return null;
  const p = shown.row.product;
  const facts = actor?.role === 'enterprise' && actor.enterpriseId ? await getEligibilityFacts(db, actor.enterpriseId) : null;
  const eligibility = facts
    ? checkEligibility(
        {
          requiredCertifications: p.requiredCertifications,
          minInnovationScore: p.minInnovationScore,
          minYearsInOperation: p.minYearsInOperation,
          eligibleParkIds: p.eligibleParkIds,
          eligibleIndustries: p.eligibleIndustries,
          maxEmployees: p.maxEmployees,
          maxRevenueFen: p.maxRevenueFen,
        },
        facts,
        zoneDay(),
      )
    : null;
  // The documents an application is checked against (declared kinds, or read from the free-text list).
  const [requirements, categories] = await Promise.all([productRequirements(db, p), productCategories(db)]);
  return { ...shown, eligibility, requirements, categories };
}

/**
 * The apply page: a published product, the enterprise's needs (the first 50) and IP assets, and
 * its documents against the product's checklist. Unknown or unpublished product: not found.
 */
export async function applyPage(db: Db, actor: Actor, productId: string) {
  assertRole(actor, 'enterprise');
  const row = await getPublishedProduct(db, productId);
  if (!row) throw new AppError('not_found');
  const [needs, assets, docs] = await Promise.all([
    listEnterpriseNeeds(db, actor.enterpriseId!, { limit: 50, offset: 0 }),
    listAssetOptions(db, actor.enterpriseId!),
    applyDocumentsView(db, actor, row.product),
  ]);
  return { row, needs, assets, docs, pledgesIp: row.pledgesIp };
}

/** The published products among `ids`, in the visitor's order (unknown or unpublished ones left out). */
export async function comparedProducts(db: Db, ids: string[]) {
  const products = await getPublishedProducts(db, ids);
  return products.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

/** One page of the actor's institution's products, and the zone's categories to name them. */
export async function institutionProducts(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  assertRole(actor, 'institution');
  const [list, categories] = await Promise.all([listInstitutionProducts(db, actor.institutionId!, page), productCategories(db)]);
  return { ...list, categories };
}

/** The edit page of a product of the actor's institution: the parks, the institution, today's LPR and the declared documents. */
export async function productEditPage(db: Db, actor: Actor, productId: string) {
  const product = await getOwnProduct(db, actor, productId);
  const [parks, institution, lpr, declared, categories, schemes] = await Promise.all([
    listParks(db),
    getInstitution(db, product.institutionId),
    lprOn(db, zoneDay()),
    declaredDocuments(db, actor, product.id),
    productCategories(db),
    listSchemeOptions(db),
  ]);
  return { product, parks, institution, lpr, declared, categories, schemes };
}

/** The new-product page: the parks, the categories and the schemes a product may join. */
export async function newProductPage(db: Db, actor: Actor) {
  assertRole(actor, 'institution');
  const [parks, categories, schemes] = await Promise.all([listParks(db), productCategories(db), listSchemeOptions(db)]);
  return { parks, categories, schemes };
}
