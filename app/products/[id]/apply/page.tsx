import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplyForm } from '@/components/applications/apply-form';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { documentLabel } from '@/lib/documents/format';
import { isAppError } from '@/lib/core/errors';
import { applyPage } from '@/lib/products/views';
import { ShareChecklist } from '@/components/documents/share-checklist';
import { vaultLink } from '@/lib/documents/vault-link';
import { getT } from '@/lib/i18n/server';
import { fenToWanInput, formatWan } from '@/lib/core/money';
import { isUuid } from '@/lib/core/ids';
import { consentExpiresAt } from '@/lib/core/consent-term';
import { zoneDay } from '@/lib/core/dates';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('apply');

export default async function ApplyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ needId?: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['enterprise'], `/products/${id}/apply`);
  if (!isUuid(id)) notFound();
  const t = await getT();
  const db = await getDb();
  const { row, needs, assets, docs, pledgesIp } = await applyPage(db, actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  const requiredIds = new Set(docs.checklist.filter((c) => c.state === 'have').map((c) => c.documentId));
  const open = needs.items.filter((n) => n.status === 'open' || n.status === 'matched');
  const needId = (await searchParams).needId;
  const need = open.find((n) => n.id === needId);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href={`/products/${row.id}`} className="text-brand-700 underline" data-testid="apply-back">
          {row.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{t('applications.applyTitle', { product: row.name })}</h1>
      <p className="text-slate-700">
        {row.institutionName} · {t('product.amountRange')} {t('product.wanRange', { min: formatWan(row.amountMinFen), max: formatWan(row.amountMaxFen) })} ·{' '}
        {t('product.termRange')} {t('product.months', { min: row.termMinMonths, max: row.termMaxMonths })}
      </p>
      {/* What the product asks for; the documents to share are chosen in the form, under its own lead. */}
      <ShareChecklist items={docs.checklist} t={t} vaultHref={vaultLink(docs.checklist.find((i) => i.state !== 'have')?.kind, `/products/${row.id}/apply`)} />
      <ApplyForm
        productId={row.id}
        pledge={pledgesIp}
        needs={open.map((n) => ({
          id: n.id,
          label: `${t('app.wan', { amount: formatWan(n.amountFen) })} · ${t('app.months', { n: n.termMonths })} · ${t(`needs.purposes.${n.purpose}`)}`,
        }))}
        assets={assets.map((a) => ({ id: a.id, label: `${a.number} ${a.title}` }))}
        repaymentMethods={row.product.repaymentMethods}
        documents={docs.documents.map((d) => ({ id: d.documentId, label: documentLabel(t, d), checked: requiredIds.has(d.documentId) }))}
        initial={{ needId: need?.id ?? '', amountWan: need ? fenToWanInput(need.amountFen) : '', termMonths: need ? String(need.termMonths) : '' }}
        consent={{ institution: row.institutionName, until: zoneDay(consentExpiresAt(new Date())) }}
      />
    </div>
  );
}
