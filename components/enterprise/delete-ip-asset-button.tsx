'use client';
import { deleteIpAssetAction } from '@/app/enterprise/ip/actions';
import { useI18n } from '../i18n-provider';
import { ActionButton } from '../ui/action-button';

export function DeleteIpAssetButton({ assetId }: { assetId: string }) {
  const { t } = useI18n();
  return <ActionButton label={t('ipAssets.delete')} confirm={t('ipAssets.deleteConfirm')} then="/enterprise/ip" run={() => deleteIpAssetAction({ assetId })} />;
}
