'use server';
import { getDb } from '@/db';
import { publicAction } from '@/lib/server/actions';
import { setPasswordWithToken } from '@/lib/enterprises/profile';
import { setPasswordSchema } from '@/lib/validation/profile';

export const setPasswordAction = publicAction(setPasswordSchema, async (input) => {
  await setPasswordWithToken(await getDb(), input.token, input.password);
  return null;
});
