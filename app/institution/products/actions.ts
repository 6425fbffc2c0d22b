'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { AppError } from '@/lib/core/errors';
import { createProduct, transitionProduct, updateProduct } from '@/lib/products/service';
import { productActionSchema, productFormSchema, type ProductFormInput } from '@/lib/validation/product';

export const createProductAction = actorAction(['institution'], productFormSchema, async (actor, input) => {
  const p = await createProduct(await getDb(), actor, input, await requestId());
  revalidatePath('/institution/products');
  return { id: p.id };
});

const productIdSchema = z.uuid('not_found');

export async function updateProductAction(productId: string, values: ProductFormInput) {
  return actorAction(['institution'], productFormSchema, async (actor, input) => {
    const parsed = productIdSchema.safeParse(productId);
    if (!parsed.success) throw new AppError('not_found');
    const id = parsed.data;
    const p = await updateProduct(await getDb(), actor, id, input, await requestId());
    revalidatePath(`/institution/products/${id}`);
    return { id: p.id };
  })(values);
}

export const productTransitionAction = actorAction(['institution'], productActionSchema, async (actor, input) => {
  const p = await transitionProduct(await getDb(), actor, input.productId, input.action, await requestId());
  revalidatePath('/institution/products');
  revalidatePath('/products');
  return { status: p.status };
});
