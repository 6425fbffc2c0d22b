import { describe, expect, it } from 'vitest';
import { placeErrors, submitterIntent } from './use-action-form';

describe('submitterIntent', () => {
  it('reads the name and value of the button that sent the form', () => {
    expect(submitterIntent({ nativeEvent: { submitter: { name: 'action', value: 'disburse' } } })).toEqual({ name: 'action', value: 'disburse' });
  });

  it('is nothing for a button without a name, a submit from the keyboard or a call without an event', () => {
    expect(submitterIntent({ nativeEvent: { submitter: { name: '', value: 'x' } } })).toBeUndefined();
    expect(submitterIntent({ nativeEvent: { submitter: null } })).toBeUndefined();
    expect(submitterIntent({ nativeEvent: {} })).toBeUndefined();
    expect(submitterIntent(undefined)).toBeUndefined();
  });

  it('reads a button without a value as the empty string', () => {
    expect(submitterIntent({ nativeEvent: { submitter: { name: 'action' } } })).toEqual({ name: 'action', value: '' });
  });
});

describe('placeErrors', () => {
  const shown = (names: string[]) => (name: string) => names.includes(name);

  it('puts the errors of the fields the form shows on those fields, in order', () => {
    expect(placeErrors({ approvedRate: 'rate_format', approvedTermMonths: 'term' }, shown(['approvedRate', 'approvedTermMonths']))).toEqual({
      fields: [
        ['approvedRate', 'rate_format'],
        ['approvedTermMonths', 'term'],
      ],
    });
  });

  it('makes the error of a field the form does not show its message', () => {
    expect(placeErrors({ applicationId: 'not_found' }, shown(['reason']))).toEqual({ fields: [], formError: 'not_found' });
    expect(placeErrors({ repaymentMethod: 'documents.errors.repayment_method', approvedRate: 'rate_range' }, shown(['approvedRate']))).toEqual({
      fields: [['approvedRate', 'rate_range']],
      formError: 'documents.errors.repayment_method',
    });
  });

  it('gives an item of a list to the list', () => {
    expect(placeErrors({ 'documentIds.3': 'invalid' }, shown(['documentIds']))).toEqual({ fields: [['documentIds.3', 'invalid']] });
  });

  it('has nothing to place without field errors', () => {
    expect(placeErrors(undefined, shown([]))).toEqual({ fields: [] });
    expect(placeErrors({}, shown(['reason']))).toEqual({ fields: [] });
  });
});
