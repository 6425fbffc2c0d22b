import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProductCard } from '@/components/products/product-card';
import { ProductForm } from '@/components/products/product-form';
import { ProductTransitionButtons } from '@/components/products/product-transition-buttons';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getLocale, getT } from '@/lib/i18n/server';
import { productEditPage } from '@/lib/products/views';
import { categoryName, categoryOptions } from '@/lib/products/categories';
import { allowedActions } from '@/lib/machines/define';
import { productMachine } from '@/lib/machines/product';
import { productToForm } from '@/lib/validation/product';
import { isUuid } from '@/lib/core/ids';
import { localName } from '@/lib/i18n/names';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('editProduct');

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['institution'], `/institution/products/${id}`);
  if (!isUuid(id)) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const db = await getDb();
  const { product, parks, institution, lpr, declared, categories, schemes } = await productEditPage(db, actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  const lprBp = lpr?.oneYearBp ?? 0;
  const eff = (bp: number) => (product.rateType === 'lpr_spread' ? bp + lprBp : bp);
  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/institution/products" className="text-brand-700 underline">
          {t('product.myProducts')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {t('product.editProduct')} · <span data-testid="product-status">{t(`productStatus.${product.status}`)}</span>
        </h1>
        <ProductTransitionButtons productId={product.id} actions={allowedActions(productMachine, product.status, 'institution')} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {product.status === 'archived' ? null : (
            <ProductForm
              productId={product.id}
              initial={productToForm(product, declared)}
              parks={parks.map((p) => ({ id: p.id, name: localName(p, locale) }))}
              categories={categoryOptions(categories, locale)}
              schemes={schemes}
            />
          )}
        </div>
        <aside className="space-y-2">
          <h2 className="font-semibold">{t('product.preview')}</h2>
          <ProductCard
            t={t}
            categoryLabel={categoryName(categories, product.category, locale)}
            p={{ ...product, institutionName: institution?.name ?? '', effectiveRateMinBp: eff(product.rateMinBp), effectiveRateMaxBp: eff(product.rateMaxBp) }}
          />
        </aside>
      </div>
    </div>
  );
}
