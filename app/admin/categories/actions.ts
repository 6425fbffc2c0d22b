'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { requestId } from '@/lib/auth/session';
import { addProductCategory, editProductCategory, removeProductCategory } from '@/lib/products/categories';
import { actorAction } from '@/lib/server/actions';
import { categoryEditSchema, categoryRemoveSchema, categorySchema } from '@/lib/validation/category';

export const addCategoryAction = actorAction(['admin'], categorySchema, async (actor, input) => {
  const c = await addProductCategory(await getDb(), actor, input, await requestId());
  revalidatePath('/admin/categories');
  return { code: c.code, name: c.name, nameEn: c.nameEn };
});

export const editCategoryAction = actorAction(['admin'], categoryEditSchema, async (actor, input) => {
  const c = await editProductCategory(await getDb(), actor, input, await requestId());
  revalidatePath('/admin/categories');
  return { code: c.code, name: c.name, nameEn: c.nameEn };
});

export const removeCategoryAction = actorAction(['admin'], categoryRemoveSchema, async (actor, input) => {
  const c = await removeProductCategory(await getDb(), actor, input.code, await requestId());
  revalidatePath('/admin/categories');
  return { code: c.code };
});
