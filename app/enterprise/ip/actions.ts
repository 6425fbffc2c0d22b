'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { AppError } from '@/lib/core/errors';
import { createIpAsset, deleteIpAsset, updateIpAsset } from '@/lib/ip/assets';
import { ipAssetFormSchema, ipAssetIdSchema, type IpAssetFormInput } from '@/lib/validation/ip-asset';

export const createIpAssetAction = actorAction(['enterprise'], ipAssetFormSchema, async (actor, input) => {
  const a = await createIpAsset(await getDb(), actor, input, await requestId());
  revalidatePath('/enterprise/ip');
  return { id: a.id };
});

export async function updateIpAssetAction(assetId: string, values: IpAssetFormInput) {
  return actorAction(['enterprise'], ipAssetFormSchema, async (actor, input) => {
    if (!z.uuid().safeParse(assetId).success) throw new AppError('not_found');
    const a = await updateIpAsset(await getDb(), actor, assetId, input, await requestId());
    revalidatePath('/enterprise/ip');
    revalidatePath(`/enterprise/ip/${assetId}`);
    return { id: a.id };
  })(values);
}

export const deleteIpAssetAction = actorAction(['enterprise'], ipAssetIdSchema, async (actor, input) => {
  await deleteIpAsset(await getDb(), actor, input.assetId, await requestId());
  revalidatePath('/enterprise/ip');
  return { id: input.assetId };
});
