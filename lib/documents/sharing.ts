// What the application form, the enterprise's application page and the officer's workbench show
// of documents: the product's requirements as a checklist against what the enterprise holds (or
// shared), the documents shared with the application, and an open 补充材料 request.
import type { Db } from '../../db/client';
import { applicationDocumentRows, enterpriseDocuments, requiredDocumentsOf, type ApplicationDocumentRows } from '../../db/queries/documents';
import { getProduct } from '../../db/queries/products';
import type { Application } from '../../db/schema';
import { AppError } from '../core/errors';
import { assertEnterpriseScope, assertInstitutionScope, assertRole, type Actor } from '../auth/actor';
import { zoneDay } from '../core/dates';
import { checklist, requirementsFromText, type Requirement } from './requirements';

export async function productRequirements(db: Db, product: { id: string; requiredDocuments: string[] }): Promise<Requirement[]> {
  const declared = await requiredDocumentsOf(db, product.id);
  return declared.length ? declared : requirementsFromText(product.requiredDocuments);
}

/** For the application form: the requirements checked against the vault, and every document to choose from. */
export async function applyDocumentsView(db: Db, actor: Actor, product: { id: string; requiredDocuments: string[] }) {
  assertRole(actor, 'enterprise');
  const [requirements, docs] = await Promise.all([productRequirements(db, product), enterpriseDocuments(db, actor.enterpriseId!)]);
  const held = docs
    .filter((d) => d.currentVersionId)
    .map((d) => ({ documentId: d.id, kind: d.kind, year: d.year, title: d.title, expiresOn: d.expiresOn, ipNumber: d.ipNumber, label: '' }));
  return { requirements, checklist: checklist(requirements, held, zoneDay()), documents: held };
}

/** Documents of one application, for either side (the caller has checked the application is theirs). */
export async function applicationDocumentsView(
  db: Db,
  actor: Actor,
  application: Application,
  product: { id: string; requiredDocuments: string[] },
  loaded?: ApplicationDocumentRows,
) {
  if (actor.role === 'enterprise') assertEnterpriseScope(actor, application.enterpriseId);
  else assertInstitutionScope(actor, application.institutionId);
  // Requirements, shared versions, the open request and the consent in one statement (or read by
  // the caller with the application, `loaded`).
  const rows = loaded ?? (await applicationDocumentRows(db, application.id));
  if (!rows) throw new AppError('not_found');
  const { shared, request, consentLive } = rows;
  const requirements = rows.required.length ? rows.required : requirementsFromText(product.requiredDocuments);
  const held = shared.map((s) => ({ documentId: s.versionId, kind: s.kind, year: s.year, expiresOn: s.expiresOn, label: '' }));
  return { requirements, checklist: checklist(requirements, held, zoneDay()), shared, request, consentLive };
}

/** For the enterprise's application page: what was shared, an open 补充材料 request, and the vault to answer it from. */
export async function enterpriseApplicationDocuments(db: Db, actor: Actor, application: Application) {
  assertEnterpriseScope(actor, application.enterpriseId);
  const product = await getProduct(db, application.productId);
  if (!product) throw new AppError('not_found');
  const [view, vault] = await Promise.all([applicationDocumentsView(db, actor, application, product), applyDocumentsView(db, actor, product)]);
  return { ...view, vault: vault.documents };
}
