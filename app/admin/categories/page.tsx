import { AddCategoryForm, EditCategoryForm, RemoveCategoryButton } from '@/components/admin/category-form';
import { HeadRow } from '@/components/ui/head-row';
import { TableBox } from '@/components/ui/table-box';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { localName } from '@/lib/i18n/names';
import { pageTitle } from '@/lib/i18n/page-title';
import { getLocale, getT } from '@/lib/i18n/server';
import { categoriesWithUse } from '@/lib/products/categories';

export const generateMetadata = pageTitle('categories');

/** The zone's product categories: each with its use, editable; an unused one deletable; and the form to add one. */
export default async function CategoriesPage() {
  const actor = await requirePageActor(['admin'], '/admin/categories');
  const [t, locale, db] = await Promise.all([getT(), getLocale(), getDb()]);
  const categories = await categoriesWithUse(db, actor);
  const nextOrder = categories.reduce((m, c) => Math.max(m, c.sortOrder), 0) + 10;
  const td = 'px-3 py-2 align-top';
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 id="categories-title" tabIndex={-1} className="text-2xl font-bold focus:outline-none">
          {t('categories.title')}
        </h1>
        <p className="max-w-3xl text-slate-700">{t('categories.lead')}</p>
      </div>
      <TableBox label={t('categories.title')} className="bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100">
            <HeadRow
              labels={[
                t('categories.name'),
                t('categories.nameEn'),
                t('categories.code'),
                t('categories.sortOrder'),
                t('categories.pledgesIp'),
                t('categories.products'),
                t('categories.schemes'),
                t('categories.actions'),
              ]}
            />
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.code} className="border-t border-slate-200" data-testid="category-row">
                <th scope="row" className={`${td} text-left font-medium`} lang="zh-CN">
                  {c.name}
                </th>
                <td className={td} lang="en">
                  {c.nameEn}
                </td>
                <td className={`${td} font-mono`}>{c.code}</td>
                <td className={`${td} tabular-nums`}>{c.sortOrder}</td>
                <td className={td}>{c.pledgesIp ? t('categories.pledgesIpYes') : ''}</td>
                <td className={`${td} tabular-nums`}>{c.use.products}</td>
                <td className={`${td} tabular-nums`}>{c.use.schemes}</td>
                <td className={`${td} space-y-2`}>
                  <EditCategoryForm category={c} />
                  {c.use.products === 0 && c.use.schemes === 0 ? (
                    <RemoveCategoryButton code={c.code} name={localName(c, locale)} />
                  ) : (
                    <p className="text-xs text-slate-600">{t('categories.inUse', { products: c.use.products, schemes: c.use.schemes })}</p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      <AddCategoryForm nextOrder={nextOrder} />
    </div>
  );
}
