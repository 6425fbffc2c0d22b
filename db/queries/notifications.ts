import type { Db } from '../client';
import { notifications } from '../schema';

type Content = { kind: string; title: string; body?: string; link?: string; entity?: string; entityId?: string };

export async function notifyAdmins(db: Db, n: Content) {
  await db.insert(notifications).values({ ...n, toAdmins: true });
}

export async function notifyInstitution(db: Db, institutionId: string, n: Content) {
  await db.insert(notifications).values({ ...n, institutionId });
}

export async function notifyEnterprise(db: Db, enterpriseId: string, n: Content) {
  await db.insert(notifications).values({ ...n, enterpriseId });
}
