import Form from 'next/form';
import Link from 'next/link';
import { AuditChanges } from '@/components/admin/audit-changes';
import { AdminPager, queryString } from '@/components/admin/pager';
import { buttonClass, inputClass } from '@/components/ui/field';
import { UserText } from '@/components/ui/user-text';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { errorText, type Translate } from '@/lib/i18n/translate';
import { auditLog } from '@/lib/admin/users';
import { isUuid } from '@/lib/core/ids';
import { AUDIT_ENTITIES, auditQuerySchema } from '@/lib/validation/admin';
import { paramsToObject } from '@/lib/validation/catalogue';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('audit');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const th = 'px-3 py-2';
const td = 'px-3 py-2 align-top';
const label = 'block text-sm font-medium text-slate-800';

/** An audit action in words ("融资申请 · 放款"), from its entity and verb; an unknown code as it is. */
function actionName(t: Translate, action: string): string {
  const dot = action.lastIndexOf('.');
  const verb = action.slice(dot + 1);
  const key = `oversight.verbs.${verb}`;
  const words = t(key);
  return dot < 0 || words === key ? action : `${entityName(t, action.slice(0, dot))} · ${words}`;
}

const entityName = (t: Translate, entity: string) => ((AUDIT_ENTITIES as readonly string[]).includes(entity) ? t(`oversight.entities.${entity}`) : entity);

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requirePageActor(['admin'], '/admin/audit');
  const [t, locale, db, raw] = await Promise.all([getT(), getLocale(), getDb(), searchParams]);
  const values = paramsToObject(raw);
  const parsed = auditQuerySchema.safeParse(values);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const problem = parsed.success
    ? undefined
    : `${t(`oversight.audit.${String(parsed.error.issues[0].path[0] ?? 'from')}`)}: ${errorText(t, parsed.error.issues[0].message)}`;
  const log = await auditLog(db, admin, query);
  const filters = { actor: query.actor, org: query.org, entity: query.entity, entityId: query.entityId, from: query.from, to: query.to };
  const href = (page: number) => `/admin/audit${queryString({ ...filters, page })}`;
  // Only a name search offers a choice; an id already names one organisation.
  const orgChoice = query.org && !(log.organisations.length === 1 && log.organisations[0].id === query.org.toLowerCase()) ? log.organisations : [];
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/admin" className="text-sm font-medium text-brand-700 underline">
          {t('oversight.backToAdmin')}
        </Link>
        <h1 className="text-2xl font-bold">{t('oversight.audit.title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('oversight.audit.lead')}</p>
      </div>

      <Form
        action="/admin/audit"
        role="search"
        aria-label={t('oversight.filters')}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3"
      >
        <div>
          <label htmlFor="f-actor" className={label}>
            {t('oversight.audit.actor')}
          </label>
          <input id="f-actor" name="actor" defaultValue={values.actor ?? ''} maxLength={100} className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-org" className={label}>
            {t('oversight.audit.organisation')}
          </label>
          <input id="f-org" name="org" defaultValue={values.org ?? ''} maxLength={100} className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-entity" className={label}>
            {t('oversight.audit.entity')}
          </label>
          <select id="f-entity" name="entity" defaultValue={values.entity ?? ''} className={inputClass}>
            <option value="">{t('oversight.all')}</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`oversight.entities.${e}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-entity-id" className={label}>
            {t('oversight.audit.entityId')}
          </label>
          <input id="f-entity-id" name="entityId" defaultValue={values.entityId ?? ''} maxLength={80} className={`${inputClass} font-mono`} />
        </div>
        <div>
          <label htmlFor="f-from" className={label}>
            {t('oversight.audit.from')}
          </label>
          <input id="f-from" name="from" type="date" defaultValue={values.from ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-to" className={label}>
            {t('oversight.audit.to')}
          </label>
          <input id="f-to" name="to" type="date" defaultValue={values.to ?? ''} className={inputClass} />
        </div>
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
          <button type="submit" className={buttonClass}>
            {t('oversight.apply')}
          </button>
          <Link href="/admin/audit" className="py-2 text-sm text-brand-700 underline">
            {t('oversight.clear')}
          </Link>
        </div>
      </Form>

      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {problem}
        </p>
      )}
      {!log.actorFound && query.actor && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t('oversight.audit.unknownActor', { actor: query.actor })}
        </p>
      )}
      {query.org && !isUuid(query.org) && log.organisations.length === 0 && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t('oversight.audit.noOrganisation', { org: query.org })}
        </p>
      )}
      {orgChoice.length > 0 && (
        <div className="space-y-1 text-sm">
          <p>{t('oversight.audit.orgMatches')}</p>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {orgChoice.map((o) => (
              <li key={o.id}>
                <Link href={`/admin/audit${queryString({ ...filters, org: o.id })}`} className="text-brand-700 underline">
                  {o.name}
                </Link>{' '}
                <span className="text-xs text-slate-600">{t('app.aside', { text: t(`oversight.orgKinds.${o.kind}`) })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <p role="status" className="text-slate-700" data-testid="result-count">
        {t(log.capped ? 'oversight.totalMore' : 'oversight.total', { total: log.total })}
      </p>
      {log.items.length === 0 ? (
        <p className="text-slate-700">{t('oversight.audit.none')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className={th}>
                  {t('oversight.audit.at')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.audit.who')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.audit.org')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.audit.action')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.audit.object')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.audit.changes')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.audit.requestId')}
                </th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((e) => (
                <tr key={String(e.id)} className="border-t border-slate-200" data-testid="audit-row">
                  <td className={`${td} whitespace-nowrap`}>{formatZoneDateTime(e.at, locale)}</td>
                  <td className={td}>
                    {e.actorUserId ? (
                      <>
                        {e.actorName ? <UserText>{e.actorName}</UserText> : e.actorUserId}
                        {e.actorEmail && <span className="block text-xs text-slate-600">{e.actorEmail}</span>}
                        {e.actorRole && <span className="block text-xs text-slate-600">{t(`roles.${e.actorRole}`)}</span>}
                      </>
                    ) : (
                      <span className="text-slate-600">{t('oversight.audit.platform')}</span>
                    )}
                  </td>
                  <td className={td}>
                    {e.organisationName ? (
                      <UserText>{e.organisationName}</UserText>
                    ) : e.organisationId ? (
                      <span className="font-mono text-xs">{e.organisationId}</span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    {actionName(t, e.action)}
                    <span className="block font-mono text-xs text-slate-600">{e.action}</span>
                  </th>
                  <td className={td}>
                    {entityName(t, e.entity)}
                    <Link
                      href={`/admin/audit${queryString({ entity: e.entity, entityId: e.entityId })}`}
                      className="block break-all font-mono text-xs text-brand-700 underline"
                    >
                      {e.entityId}
                    </Link>
                  </td>
                  <td className={`${td} max-w-md`}>
                    <AuditChanges t={t} locale={locale} before={e.before} after={e.after} />
                  </td>
                  <td className={`${td} font-mono text-xs`}>{e.requestId ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminPager t={t} page={log.page} total={log.total} pageSize={log.pageSize} href={href} label={t('oversight.audit.title')} />
    </div>
  );
}
