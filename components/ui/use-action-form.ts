'use client';
// The one form pattern: react-hook-form with the zod schema the server action also parses, the
// action's `{ ok, error, fieldErrors }` result mapped onto the fields (focus on the first invalid
// one) or onto one form-level message, and the pending state. Client and server errors are message
// keys, shown in the reader's language by `fieldError` and `formError`. As in a plain HTML form, a
// submit button with a name and value sets that field (one form, several intents: accept, disburse).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { errorText, type Translate } from '@/lib/i18n/translate';
import { useI18n } from '../i18n-provider';

export type ActionFailure = { ok: false; error: string; fieldErrors?: Record<string, string>; vars?: Record<string, string> };
export type ActionOutcome<D> = { ok: true; data: D } | ActionFailure;

export interface ActionFormOptions<I extends FieldValues, D> {
  defaultValues: DefaultValues<I>;
  /** After `{ ok: true }`: move, refresh or reset; a returned text is shown as the success message. */
  onSuccess?: (data: D, values: I) => unknown;
  /** How a form-level error key reads; default: errorText (lib/i18n). */
  describe?: (t: Translate, key: string, vars?: Record<string, string>) => string;
}

export interface ActionForm<I extends FieldValues, O> {
  form: UseFormReturn<I, unknown, O>;
  /** The form's onSubmit: client validation first, then the action with the raw values. */
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  /** The form-level error, translated (for <Alert>). */
  formError?: string;
  setFormError: (message?: string) => void;
  /** The success message onSuccess returned (for <Alert tone="success">), until the next submit. */
  success?: string;
  /** A field's error, translated. */
  fieldError: (name: FieldPath<I>) => string | undefined;
  pending: boolean;
}

type In<S extends z.ZodType<unknown, FieldValues>> = z.input<S> & FieldValues;

export function useActionForm<S extends z.ZodType<unknown, FieldValues>, D = unknown>(
  schema: S,
  action: (values: z.input<S>) => Promise<ActionOutcome<D>>,
  { defaultValues, onSuccess, describe = (t, key) => errorText(t, key) }: ActionFormOptions<In<S>, D>,
): ActionForm<In<S>, z.output<S>> {
  type I = In<S>;
  const { t } = useI18n();
  const [formError, setFormError] = useState<string>();
  const [success, setSuccess] = useState<string>();
  const form = useForm<I, unknown, z.output<S>>({
    // The resolver's generic types do not follow a generic schema; the schema is the form's own.
    resolver: zodResolver(schema as never) as never,
    defaultValues,
  });

  const submit = form.handleSubmit(async (_values, e) => {
    // The typed strings go to the server, which parses them with the same schema.
    const values = form.getValues();
    const r = await action(values);
    if (r.ok) {
      const message = await onSuccess?.(r.data, values);
      setSuccess(typeof message === 'string' && message ? message : undefined);
      return;
    }
    const formElement = e?.target instanceof HTMLFormElement ? e.target : undefined;
    const placed = placeErrors(r.fieldErrors, (name) => !formElement || formElement.elements.namedItem(name) !== null);
    for (const [i, [name, message]] of placed.fields.entries()) form.setError(name as FieldPath<I>, { type: 'server', message }, { shouldFocus: i === 0 });
    if (placed.formError || !placed.fields.length) setFormError(describe(t, placed.formError ?? r.error, r.vars));
  });

  const onSubmit = (e?: React.BaseSyntheticEvent) => {
    const intent = submitterIntent(e);
    if (intent && Object.hasOwn(defaultValues, intent.name)) form.setValue(intent.name as FieldPath<I>, intent.value as never);
    // A new submission's outcome replaces the last one's, even when the form's own check stops it
    // (else "已录入" stood beside the new error).
    setSuccess(undefined);
    setFormError(undefined);
    return submit(e);
  };

  const fieldError = (name: string) => {
    const error = form.getFieldState(name as FieldPath<I>, form.formState).error;
    return error ? errorText(t, error.message) : undefined;
  };

  return { form, onSubmit, formError, setFormError, success, fieldError, pending: form.formState.isSubmitting };
}

/** The name and value of the submit button that sent the form, if it has a name. */
export function submitterIntent(e?: { nativeEvent?: unknown }): { name: string; value: string } | undefined {
  const submitter = (e?.nativeEvent as { submitter?: { name?: unknown; value?: unknown } | null } | undefined)?.submitter;
  if (!submitter || typeof submitter.name !== 'string' || !submitter.name) return undefined;
  return { name: submitter.name, value: typeof submitter.value === 'string' ? submitter.value : '' };
}

/**
 * Where the action's field errors go: onto the fields the form shows; an error of a field it does
 * not show (an id the server refused, a select that is not offered) becomes the form's message, so
 * that no error goes unseen. `documentIds.3` belongs to the field `documentIds`.
 */
export function placeErrors(
  fieldErrors: Record<string, string> | undefined,
  shown: (name: string) => boolean,
): { fields: [string, string][]; formError?: string } {
  const all = Object.entries(fieldErrors ?? {});
  const isShown = ([name]: [string, string]) => shown(name) || shown(name.split('.')[0]);
  const hidden = all.find((entry) => !isShown(entry));
  return { fields: all.filter(isShown), ...(hidden ? { formError: hidden[1] } : {}) };
}
