import { describe, expect, it } from 'vitest';
import { vaultLink, vaultQuery } from './vault-link';

const APP = '/enterprise/applications/0b6f2a52-6a0e-4c53-9a53-0c2f6f1f7a11';

describe('links into the document vault', () => {
  it('open on the kind asked for, with the way back to the application or the apply page', () => {
    expect(vaultLink('tax_certificate', APP)).toBe(`/enterprise/documents?kind=tax_certificate&back=${encodeURIComponent(APP)}`);
    expect(vaultQuery({ kind: 'tax_certificate', back: APP })).toEqual({ kind: 'tax_certificate', back: APP });
    const apply = '/products/0b6f2a52-6a0e-4c53-9a53-0c2f6f1f7a11/apply';
    expect(vaultQuery({ back: apply })).toEqual({ kind: null, back: apply });
  });

  it('drop an unknown kind and any way back that is not one of the app’s own pages', () => {
    expect(vaultLink('passport', 'https://evil.example')).toBe('/enterprise/documents');
    for (const back of ['//evil.example', '/enterprise/applications/x', `${APP}?next=//evil`, '/admin', ['/a']]) expect(vaultQuery({ back }).back).toBeNull();
    expect(vaultQuery({ kind: ['tax_certificate'] }).kind).toBeNull();
  });
});
