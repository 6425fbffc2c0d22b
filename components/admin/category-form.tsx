'use client';
// The zone's product categories (/admin/categories): add one, rename or reorder one, delete an unused one.
import { useRouter } from 'next/navigation';
import { addCategoryAction, editCategoryAction, removeCategoryAction } from '@/app/admin/categories/actions';
import { localName } from '@/lib/i18n/names';
import { CATEGORY_NAME_EN_MAX, CATEGORY_NAME_MAX, categoryEditSchema, categorySchema } from '@/lib/validation/category';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass, secondaryButtonClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

export function AddCategoryForm({ nextOrder }: { nextOrder: number }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(categorySchema, addCategoryAction, {
    defaultValues: { code: '', name: '', nameEn: '', sortOrder: String(nextOrder), pledgesIp: false },
    onSuccess: (data) => {
      router.refresh();
      form.reset({ code: '', name: '', nameEn: '', sortOrder: String(nextOrder + 10), pledgesIp: false });
      // Ready for the next one (the status message is announced all the same).
      setTimeout(() => form.setFocus('code'), 0);
      return t('categories.added', { name: localName(data, locale) });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="category-add">
      <h2 id="category-add" className="font-semibold">
        {t('categories.addTitle')}
      </h2>
      <Alert>{formError}</Alert>
      <Alert tone="success">{success}</Alert>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="category-code" label={t('categories.code')} hint={t('categories.codeHint')} error={fieldError('code')}>
          <input className={`${inputClass} font-mono`} maxLength={32} autoCapitalize="none" spellCheck={false} {...form.register('code')} />
        </Field>
        <Field id="category-name" label={t('categories.name')} error={fieldError('name')}>
          <input className={inputClass} maxLength={CATEGORY_NAME_MAX} {...form.register('name')} />
        </Field>
        <Field id="category-name-en" label={t('categories.nameEn')} error={fieldError('nameEn')}>
          <input className={inputClass} maxLength={CATEGORY_NAME_EN_MAX} lang="en" {...form.register('nameEn')} />
        </Field>
        <Field id="category-order" label={t('categories.sortOrder')} hint={t('categories.sortOrderHint')} error={fieldError('sortOrder')}>
          <input className={inputClass} inputMode="numeric" {...form.register('sortOrder')} />
        </Field>
      </div>
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" aria-describedby="category-pledges-hint" {...form.register('pledgesIp')} />
          {t('categories.pledgesIp')}
        </label>
        <p id="category-pledges-hint" className="text-xs text-slate-600">
          {t('categories.pledgesIpHint')}
        </p>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('categories.add')}
      </button>
    </form>
  );
}

/** A category's names and order, edited in place (its code and IP-pledge behaviour stay). */
export function EditCategoryForm({ category }: { category: { code: string; name: string; nameEn: string; sortOrder: number } }) {
  const { t, locale } = useI18n();
  const label = t('categories.editLabel', { name: localName(category, locale) });
  const router = useRouter();
  const id = `category-${category.code}`;
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(categoryEditSchema, editCategoryAction, {
    defaultValues: { code: category.code, name: category.name, nameEn: category.nameEn, sortOrder: String(category.sortOrder) },
    onSuccess: (data) => {
      router.refresh();
      return t('categories.saved', { name: localName(data, locale) });
    },
  });
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline" aria-label={label}>
        {t('categories.edit')}
      </summary>
      <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2" aria-label={label}>
        <Alert>{formError}</Alert>
        <Alert tone="success">{success}</Alert>
        <input type="hidden" {...form.register('code')} />
        <Field id={`${id}-name`} label={t('categories.name')} error={fieldError('name')}>
          <input className={inputClass} maxLength={CATEGORY_NAME_MAX} {...form.register('name')} />
        </Field>
        <Field id={`${id}-name-en`} label={t('categories.nameEn')} error={fieldError('nameEn')}>
          <input className={inputClass} maxLength={CATEGORY_NAME_EN_MAX} lang="en" {...form.register('nameEn')} />
        </Field>
        <Field id={`${id}-order`} label={t('categories.sortOrder')} error={fieldError('sortOrder')}>
          <input className={inputClass} inputMode="numeric" {...form.register('sortOrder')} />
        </Field>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {t('categories.save')}
        </button>
      </form>
    </details>
  );
}

export function RemoveCategoryButton({ code, name }: { code: string; name: string }) {
  // `name`: in the page's language.
  const { t } = useI18n();
  return (
    <ActionButton
      label={t('categories.remove')}
      ariaLabel={t('categories.removeLabel', { name })}
      confirm={t('categories.removeConfirm', { name })}
      // The row goes with the category: keyboard and screen-reader users continue from the page's heading.
      focusAfter="categories-title"
      run={() => removeCategoryAction({ code })}
    />
  );
}
