'use client';
import { revokeConsentAction } from '@/app/enterprise/documents/actions';
import { useI18n } from '@/components/i18n-provider';
import { ActionButton } from '@/components/ui/action-button';

/** Ends one institution's consent: its access to financial values and shared documents stops at once. */
export function RevokeConsentButton({ consentId, institution }: { consentId: string; institution: string }) {
  const { t } = useI18n();
  return (
    <ActionButton
      label={t('documents.consents.revoke')}
      ariaLabel={t('documents.consents.revokeFor', { institution })}
      confirm={t('documents.consents.confirm', { institution })}
      run={() => revokeConsentAction({ consentId })}
    />
  );
}
