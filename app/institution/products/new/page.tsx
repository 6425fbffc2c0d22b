import { ProductForm } from '@/components/products/product-form';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { getLocale, getT } from '@/lib/i18n/server';
import { emptyProductForm } from '@/lib/validation/product';
import { categoryOptions } from '@/lib/products/categories';
import { newProductPage } from '@/lib/products/views';
import { localName } from '@/lib/i18n/names';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('newProduct');

export default async function NewProductPage() {
  const actor = await requirePageActor(['institution'], '/institution/products/new');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { parks, categories, schemes } = await newProductPage(await getDb(), actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('product.newProduct')}</h1>
      <ProductForm
        initial={emptyProductForm}
        parks={parks.map((p) => ({ id: p.id, name: localName(p, locale) }))}
        categories={categoryOptions(categories, locale)}
        schemes={schemes}
      />
    </div>
  );
}
