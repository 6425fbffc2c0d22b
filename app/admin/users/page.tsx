import Link from 'next/link';
import { AdminPager, queryString } from '@/components/admin/pager';
import { UserAccountActions } from '@/components/admin/user-account-actions';
import { inputClass } from '@/components/ui/field';
import { getDb } from '@/db';
import { userList } from '@/lib/admin/views';
import { ROLES } from '@/lib/auth/actor';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { errorText } from '@/lib/i18n/translate';
import { ADMIN_PAGE_SIZE, USER_STATUSES, userSearchQuerySchema } from '@/lib/validation/admin';
import { paramsToObject } from '@/lib/validation/catalogue';
import { Alert } from '@/components/ui/alert';
import { FilterBar } from '@/components/ui/filter-bar';
import { TableBox } from '@/components/ui/table-box';
import { pageTitle } from '@/lib/i18n/page-title';
import { UserText } from '@/components/ui/user-text';

export const generateMetadata = pageTitle('users');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const th = 'px-3 py-2';
const td = 'px-3 py-2 align-top';
const label = 'block text-sm font-medium text-slate-800';

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor(['admin'], '/admin/users');
  const [t, locale, db, raw] = await Promise.all([getT(), getLocale(), getDb(), searchParams]);
  const parsed = userSearchQuerySchema.safeParse(paramsToObject(raw));
  const query = parsed.success ? parsed.data : userSearchQuerySchema.parse({});
  const problem = parsed.success ? undefined : `${String(parsed.error.issues[0].path[0] ?? '')}: ${errorText(t, parsed.error.issues[0].message)}`;
  const org = query.org;
  const { items, total } = await userList(db, actor, query);
  const href = (page: number) => `/admin/users${queryString({ q: query.q, role: query.role, status: query.status, org, page })}`;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/admin" className="text-sm font-medium text-brand-700 underline">
          {t('oversight.backToAdmin')}
        </Link>
        <h1 className="text-2xl font-bold">{t('oversight.users.title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('oversight.users.lead')}</p>
      </div>

      <FilterBar action="/admin/users" label={t('oversight.filters')} apply={t('oversight.apply')} clear={t('oversight.clear')} wide>
        <div>
          <label htmlFor="f-q" className={label}>
            {t('oversight.users.search')}
          </label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-org" className={label}>
            {t('oversight.users.organisation')}
          </label>
          <input id="f-org" name="org" defaultValue={org ?? ''} maxLength={100} className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-role" className={label}>
            {t('oversight.users.role')}
          </label>
          <select id="f-role" name="role" defaultValue={query.role ?? ''} className={inputClass}>
            <option value="">{t('oversight.all')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-status" className={label}>
            {t('oversight.users.status')}
          </label>
          <select id="f-status" name="status" defaultValue={query.status ?? ''} className={inputClass}>
            <option value="">{t('oversight.all')}</option>
            {USER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`oversight.userStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </FilterBar>

      <Alert>{problem}</Alert>
      <p role="status" className="text-slate-700" data-testid="result-count">
        {t('oversight.total', { total })}
      </p>
      {items.length === 0 ? (
        <p className="text-slate-700">{t('oversight.users.none')}</p>
      ) : (
        <TableBox label={t('oversight.users.title')}>
          <table className="min-w-full text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className={th}>
                  {t('oversight.users.name')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.users.email')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.users.role')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.users.organisation')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.users.status')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.users.lastLogin')}
                </th>
                <th scope="col" className={th}>
                  {t('oversight.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => {
                const isSelf = u.id === actor.userId;
                return (
                  <tr key={u.id} className="border-t border-slate-200" data-testid="user-row">
                    <td className={td}>
                      <UserText>{u.name}</UserText>
                      {isSelf && <span className="ml-1 text-xs text-slate-600">{t('oversight.users.you')}</span>}
                    </td>
                    <th scope="row" className={`${td} text-left font-normal`}>
                      {u.email}
                    </th>
                    <td className={td}>
                      {t(`roles.${u.role}`)}
                      {u.memberRole && <span className="block text-xs text-slate-600">{t(`memberRoles.${u.memberRole}`)}</span>}
                    </td>
                    <td className={td}>{u.organisationName ?? '—'}</td>
                    <td className={td}>
                      <span
                        className={`rounded px-2 py-0.5 text-xs font-medium ${u.status === 'active' ? 'bg-green-100 text-green-900' : 'bg-slate-200 text-slate-800'}`}
                        data-testid="user-status"
                      >
                        {t(`oversight.userStatus.${u.status}`)}
                      </span>
                    </td>
                    <td className={td}>{u.lastLoginAt ? formatZoneDateTime(u.lastLoginAt, locale) : t('oversight.users.never')}</td>
                    <td className={td}>
                      <UserAccountActions userId={u.id} name={u.name} email={u.email} status={u.status} isSelf={isSelf} />
                      <Link
                        href={`/admin/audit${queryString({ entity: 'user', entityId: u.id })}`}
                        className="mt-2 inline-block text-sm text-brand-700 underline"
                      >
                        {t('oversight.users.history')}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableBox>
      )}
      <AdminPager t={t} page={query.page} total={total} pageSize={ADMIN_PAGE_SIZE} href={href} label={t('oversight.users.title')} />
    </div>
  );
}
