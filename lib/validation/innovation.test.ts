import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../innovation/weights';
import { innovationInputsFormSchema } from './innovation';

const zeros = () => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, '0']));

describe('the score inputs form', () => {
  it('does not check the profile’s figures it shows read-only: a ratio past 999.99 % (R&D ten times the revenue) saves', () => {
    const r = innovationInputsFormSchema.safeParse({ ...zeros(), rnd_ratio: '1200.00', revenue: 'anything', invention_patents: '3' });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ rnd_ratio: 0, revenue: 0, invention_patents: 3 });
  });

  it('still checks what the enterprise types', () => {
    expect(innovationInputsFormSchema.safeParse({ ...zeros(), hightech_revenue: 'x' }).success).toBe(false);
    expect(innovationInputsFormSchema.safeParse({ ...zeros(), st_staff_share: '1200.00' }).success).toBe(false);
    expect(innovationInputsFormSchema.safeParse({ ...zeros(), invention_patents: '-1' }).success).toBe(false);
  });
});
