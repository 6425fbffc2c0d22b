import Form from 'next/form';
import Link from 'next/link';
import { InstitutionDecisionButton } from '@/components/admin/institution-decision-button';
import { InstitutionRejectForm } from '@/components/admin/institution-reject-form';
import { AdminPager, queryString } from '@/components/admin/pager';
import { buttonClass, inputClass } from '@/components/ui/field';
import { getDb } from '@/db';
import { institutionList } from '@/lib/admin/views';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { errorText } from '@/lib/i18n/translate';
import { allowedActions } from '@/lib/machines/define';
import { institutionMachine } from '@/lib/machines/institution';
import { ADMIN_PAGE_SIZE, INSTITUTION_STATUSES, institutionListQuerySchema } from '@/lib/validation/admin';
import { paramsToObject } from '@/lib/validation/catalogue';
import { pageTitle } from '@/lib/i18n/page-title';
import { UserText } from '@/components/ui/user-text';

export const generateMetadata = pageTitle('institutions');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const th = 'px-3 py-2';
const td = 'px-3 py-2 align-top';
const label = 'block text-sm font-medium text-slate-800';
const STATUS_BADGE = {
  pending: 'bg-amber-100 text-amber-900',
  active: 'bg-green-100 text-green-900',
  suspended: 'bg-slate-200 text-slate-800',
  rejected: 'bg-red-100 text-red-900',
} as const;

export default async function AdminInstitutionsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor(['admin'], '/admin/institutions');
  const [t, locale, db, raw] = await Promise.all([getT(), getLocale(), getDb(), searchParams]);
  const parsed = institutionListQuerySchema.safeParse(paramsToObject(raw));
  const query = parsed.success ? parsed.data : institutionListQuerySchema.parse({});
  const problem = parsed.success ? undefined : `${String(parsed.error.issues[0].path[0] ?? '')}: ${errorText(t, parsed.error.issues[0].message)}`;
  const { items, total } = await institutionList(db, actor, query);
  const href = (page: number) => `/admin/institutions${queryString({ status: query.status, q: query.q, page })}`;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/admin" className="text-sm font-medium text-brand-700 underline">
          {t('oversight.backToAdmin')}
        </Link>
        <h1 className="text-2xl font-bold">{t('oversight.institutions.title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('oversight.institutions.lead')}</p>
      </div>

      <Form
        action="/admin/institutions"
        role="search"
        aria-label={t('oversight.filters')}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="min-w-64 flex-1">
          <label htmlFor="f-q" className={label}>
            {t('oversight.institutions.search')}
          </label>
          <input id="f-q" name="q" defaultValue={query.q ?? ''} maxLength={100} className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-status" className={label}>
            {t('oversight.institutions.status')}
          </label>
          <select id="f-status" name="status" defaultValue={query.status ?? ''} className={inputClass}>
            <option value="">{t('oversight.all')}</option>
            {INSTITUTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`institutionStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          {t('oversight.apply')}
        </button>
        <Link href="/admin/institutions" className="py-2 text-sm text-brand-700 underline">
          {t('oversight.clear')}
        </Link>
      </Form>

      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {problem}
        </p>
      )}
      <p role="status" className="text-slate-700" data-testid="result-count">
        {t('oversight.total', { total })}
      </p>
      {items.length === 0 ? (
        <p className="text-slate-700">{t('oversight.institutions.none')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className={th}>
                  {t('admin.name')}
                </th>
                <th scope="col" className={th}>
                  {t('admin.kind')}
                </th>
                <th scope="col" className={th}>
                  {t('admin.uscc')}
                </th>
                <th scope="col" className={th}>
                  {t('admin.contact')}
                </th>
                <th scope="col" className={th}>
                  {t('admin.status')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.createdAt')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} className="border-t border-slate-200" data-testid="institution-row">
                  <th scope="row" className={`${td} text-left font-medium`}>
                    <UserText>{i.name}</UserText>
                  </th>
                  <td className={td}>{t(`institutionKinds.${i.kind}`)}</td>
                  <td className={`${td} font-mono`}>{i.uscc}</td>
                  <td className={td}>
                    <UserText>{i.contactName}</UserText> · {i.contactPhone}
                    <span className="block text-xs text-slate-600">{i.contactEmail}</span>
                  </td>
                  <td className={td}>
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_BADGE[i.status]}`} data-testid="institution-status">
                      {t(`institutionStatus.${i.status}`)}
                    </span>
                    {i.status === 'rejected' && i.rejectionReason && (
                      <span className="mt-1 block max-w-xs text-xs text-slate-700" data-testid="institution-rejection-reason">
                        {t('admin.rejectedBecause', { reason: i.rejectionReason })}
                      </span>
                    )}
                  </td>
                  <td className={td}>{formatZoneDateTime(i.createdAt, locale)}</td>
                  <td className={td}>
                    <div className="flex flex-wrap items-start gap-2">
                      {allowedActions(institutionMachine, i.status, actor.role).map((a) =>
                        a === 'reject' ? (
                          <InstitutionRejectForm key={a} institutionId={i.id} institutionName={i.name} />
                        ) : (
                          <InstitutionDecisionButton key={a} institutionId={i.id} action={a} institutionName={i.name} />
                        ),
                      )}
                      <Link href={`/admin/audit${queryString({ entity: 'institution', entityId: i.id })}`} className="py-1.5 text-sm text-brand-700 underline">
                        {t('oversight.institutions.history')}
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminPager t={t} page={query.page} total={total} pageSize={ADMIN_PAGE_SIZE} href={href} label={t('oversight.institutions.title')} />
    </div>
  );
}
