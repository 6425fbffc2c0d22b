import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplicationSummary } from '@/components/applications/application-summary';
import { Timeline } from '@/components/applications/timeline';
import { WithdrawApplicationButton } from '@/components/applications/withdraw-button';
import { ResubmitForm } from '@/components/documents/resubmit-form';
import { vaultLink } from '@/lib/documents/vault-link';
import { getDb } from '@/db';
import { documentLabel } from '@/lib/documents/format';
import { enterpriseApplicationDocuments } from '@/lib/documents/sharing';
import { applicationFor } from '@/lib/applications/views';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getLocale, getT } from '@/lib/i18n/server';
import { isUuid } from '@/lib/core/ids';
import { pageTitle } from '@/lib/i18n/page-title';
import { joinList } from '@/lib/i18n/punctuation';

export const generateMetadata = pageTitle('enterpriseApplication');

export default async function EnterpriseApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['enterprise'], `/enterprise/applications/${id}`);
  if (!isUuid(id)) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const db = await getDb();
  const v = await applicationFor(db, actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  const a = v.application;
  const docs = await enterpriseApplicationDocuments(db, actor, a);
  const requested = new Set<string>(docs.request?.kinds ?? []);
  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/enterprise/applications" className="text-brand-700 underline">
          {t('applications.myApplications')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{v.productName}</h1>
        {['submitted', 'accepted', 'approved', 'materials_requested'].includes(a.status) && <WithdrawApplicationButton applicationId={a.id} />}
      </div>
      <ApplicationSummary a={a} productName={v.productName} enterpriseName={v.enterpriseName} institutionName={v.institutionName} t={t} />
      {a.status === 'disbursed' && (
        // The loan (schedule, repayments) is one step away: the list of the enterprise's loans.
        <Link href="/enterprise/loans" className="inline-block text-sm font-medium text-brand-700 underline" data-testid="loans-link">
          {t('documents.workbench.viewLoan')}
        </Link>
      )}
      {v.pledge && (
        <p className="text-sm">
          {t('applications.pledge')}
          {t('app.colon')}
          <span data-testid="pledge-status">{t(`applications.pledgeStatus.${v.pledge.status}`)}</span>
          {v.pledge.registrationNumber && ` · ${t('applications.registrationNumber')} ${v.pledge.registrationNumber}`}
        </p>
      )}
      {docs.request && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="materials-request">
          <p className="font-medium">{t('documents.materials.requested')}</p>
          <p>
            {t('documents.materials.requestedBody', {
              kinds: joinList(
                t,
                docs.request.kinds.map((k) => t(`documents.kinds.${k}`)),
              ),
              reason: docs.request.reason,
            })}
          </p>
        </div>
      )}
      {a.status === 'materials_requested' && (
        <ResubmitForm
          applicationId={a.id}
          documents={docs.vault.map((d) => ({ id: d.documentId, label: documentLabel(t, d), checked: requested.has(d.kind) }))}
          // The vault opens on the first kind asked for that it does not hold yet, with the way back here.
          vaultHref={vaultLink(
            docs.request?.kinds.find((k) => !docs.vault.some((d) => d.kind === k)) ?? docs.request?.kinds[0],
            `/enterprise/applications/${a.id}`,
          )}
        />
      )}
      <section aria-labelledby="shared" className="space-y-2">
        <h2 id="shared" className="text-lg font-semibold">
          {t('documents.officer.shared')}
        </h2>
        {docs.shared.length === 0 ? (
          <p className="text-sm text-slate-700">{t('documents.share.noneOwn')}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="shared-documents">
            {docs.shared.map((s) => (
              <li key={s.versionId}>
                <a href={`/api/documents/${s.versionId}`} className="text-brand-700 underline">
                  {documentLabel(t, s)}
                </a>{' '}
                · {t('documents.list.version', { version: s.version })} · {s.originalName}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="tl">
        <h2 id="tl" className="mb-3 text-lg font-semibold">
          {t('applications.timeline')}
        </h2>
        <Timeline events={v.events} t={t} locale={locale} />
      </section>
    </div>
  );
}
