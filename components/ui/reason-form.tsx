'use client';
// A reason the other side will read (why an institution, a verification, a claim or an application
// is turned down), typed into a textarea and sent through useActionForm. With `toggle` the form opens
// under a button of its own: the focus goes to the reason, and Escape or Cancel closes the form and
// gives the focus back to the button. Without it the form is always shown.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DefaultValues, FieldValues, UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import { Field, FieldError, inputClass, secondaryButtonClass } from './field';
import { useActionForm, type ActionOutcome } from './use-action-form';

const dangerButtonClass =
  'inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60';

// Every schema here has a `reason`; react-hook-form's path types cannot see it through a generic S.
const reason = 'reason' as never;

type ReasonSchema = z.ZodType<unknown, FieldValues & { reason?: string }>;

export interface ReasonFormProps<S extends ReasonSchema, D> {
  /** The action's own zod schema (its input has a `reason`). */
  schema: S;
  action: (values: z.input<S>) => Promise<ActionOutcome<D>>;
  /** Everything the action needs besides what is typed (ids, the action's name), and `reason: ''`. */
  defaultValues: DefaultValues<z.input<S> & FieldValues>;
  /** The form's id, unique on the page; the textarea's is `${id}-reason`. */
  id: string;
  label: string;
  hint?: string;
  maxLength: number;
  rows?: number;
  submitLabel: string;
  /** After `{ ok: true }` (the form has closed): refresh or move on. */
  onSuccess?: (data: D) => unknown;
  /** The button that opens the form, with its accessible name (naming the row), and Cancel's text. */
  toggle?: { label: string; ariaLabel: string; cancelLabel: string };
  /**
   * Buttons before the toggle in its row (approve, verify), told to wait while the reason is being
   * written or sent: a refusal under way is finished or cancelled first (an admin who ticked "release
   * the code" could otherwise verify the enterprise with one click beside it).
   */
  actions?: (submitting: boolean) => ReactNode;
  /** Another action of the row is running: the toggle and the submit button wait. */
  busy?: boolean;
  /** Another action's error, shown where the form's own goes. */
  error?: string;
  /** More fields of the same form after the reason (a checkbox), registered on its form. */
  extra?: (register: UseFormRegister<FieldValues>) => ReactNode;
  className?: string;
}

export function ReasonForm<S extends ReasonSchema, D = unknown>({
  schema,
  action,
  defaultValues,
  id,
  label,
  hint,
  maxLength,
  rows = 3,
  submitLabel,
  onSuccess,
  toggle,
  actions,
  busy = false,
  error,
  extra,
  className = 'w-72 max-w-full space-y-2',
}: ReasonFormProps<S, D>) {
  const [open, setOpen] = useState(false);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const { form, onSubmit, formError, setFormError, fieldError, pending } = useActionForm(schema, action, {
    defaultValues,
    onSuccess: (data) => {
      setOpen(false);
      return onSuccess?.(data);
    },
  });
  const { register, setFocus, reset } = form;
  const disabled = busy || pending;

  useEffect(() => {
    if (open) setFocus(reason);
  }, [open, setFocus]);

  function cancel() {
    setOpen(false);
    setFormError(undefined);
    reset();
    toggleButton.current?.focus();
  }

  const reasonForm = (
    <form
      id={id}
      noValidate
      className={className}
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (toggle && e.key === 'Escape') cancel();
      }}
    >
      <Field id={`${id}-reason`} label={label} hint={hint} error={fieldError(reason)}>
        <textarea rows={rows} maxLength={maxLength} className={inputClass} {...register(reason)} />
      </Field>
      {extra?.(register as unknown as UseFormRegister<FieldValues>)}
      <div className="flex gap-2">
        <button type="submit" className={dangerButtonClass} disabled={disabled}>
          {submitLabel}
        </button>
        {toggle && (
          <button type="button" className={secondaryButtonClass} onClick={cancel}>
            {toggle.cancelLabel}
          </button>
        )}
      </div>
    </form>
  );

  if (!toggle)
    return (
      <div className="space-y-2">
        {reasonForm}
        <FieldError message={formError ?? error} />
      </div>
    );
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2 whitespace-nowrap">
        {actions?.(pending || open)}
        <button
          ref={toggleButton}
          type="button"
          className={secondaryButtonClass}
          disabled={disabled}
          aria-label={toggle.ariaLabel}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => (open ? cancel() : setOpen(true))}
        >
          {toggle.label}
        </button>
      </div>
      {open && reasonForm}
      <FieldError message={formError ?? error} />
    </div>
  );
}
