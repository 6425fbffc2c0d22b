// The value date of a disbursal (放款): which days an officer may record, and the instant the
// figures date the loan at. Pure; the service enforces it and the workbench's form shows it.
import { zoneDay, zoneDayStart } from '../core/dates';

export type EarliestDisbursal = {
  /** The first zone day allowed ('' when nothing bounds it). */
  day: string;
  /** The message a day before it is refused with. */
  key: 'applications.errors.disbursed_before_approval' | 'applications.errors.disbursed_before_pledge';
};

/** A loan is dated no earlier than its approval's zone day, nor than its pledge's registration. */
export function earliestDisbursal(approvedOn: string, pledgeRegisteredOn: string | null | undefined): EarliestDisbursal {
  return pledgeRegisteredOn && pledgeRegisteredOn > approvedOn
    ? { day: pledgeRegisteredOn, key: 'applications.errors.disbursed_before_pledge' }
    : { day: approvedOn, key: 'applications.errors.disbursed_before_approval' };
}

/**
 * When a disbursal on zone day `on` happened, for the figures that date it (disbursed in the period,
 * enrolled in a scheme): now for today; for a day recorded late, that day's start, or the approval
 * itself when it came later that day (a loan is never dated before its approval).
 */
export function disbursalInstant(on: string, now: Date, decidedAt: Date | null): Date {
  if (on === zoneDay(now)) return now;
  const start = zoneDayStart(on);
  return decidedAt && decidedAt > start ? decidedAt : start;
}
