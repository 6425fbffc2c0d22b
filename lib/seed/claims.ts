// Risk-compensation claims on the schemes, and the schemes' balances.
import { at } from './data/calendar';
import { seedUuid } from './data/prng';
import { ADMIN_ID, date, type Ctx } from './context';

// ---------------------------------------------------------------- claims and scheme balances

export function buildClaims(ctx: Ctx): void {
  const schemeRow = (code: string) => ctx.rows.riskSchemes.find((r) => r.code === code)!;
  for (const loan of ctx.loanMeta) {
    if (loan.status !== 'compensated' && loan.status !== 'defaulted') continue;
    const enrolment = ctx.enrolmentsByLoan.get(loan.loanId);
    if (!enrolment) throw new Error('seed: defaulted loan without enrolment');
    const scheme = schemeRow(enrolment.schemeCode);
    const loss = loan.outstanding;
    const byShare = (BigInt(scheme.shareFundBp) * loss) / 10_000n;
    const paid = loan.status === 'compensated';
    const filedMs = paid ? at('2026-04-15', 10, 0) : at('2026-10-20', 14, 30);
    // The balance on the day it is paid: contributions so far minus earlier payouts.
    const balance = scheme.balanceFen as bigint;
    let compensation = byShare;
    if (compensation > scheme.capPerLoanFen) compensation = scheme.capPerLoanFen;
    if (compensation > balance) compensation = balance;
    ctx.rows.claims.push({
      id: seedUuid('claim', loan.loanId),
      enrolmentId: enrolment.id,
      lossFen: loss,
      compensationFen: compensation,
      status: paid ? 'paid' : 'filed',
      filedBy: loan.prod.inst.userId,
      filedAt: date(filedMs),
      decidedBy: paid ? ADMIN_ID : null,
      decidedAt: paid ? date(at('2026-05-20', 11, 0)) : null,
      paidAt: paid ? date(at('2026-06-10', 15, 0)) : null,
    });
    if (paid) scheme.balanceFen = balance - compensation;
  }
}
