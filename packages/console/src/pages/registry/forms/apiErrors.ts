// The service names the field it refuses ({ error: { code, message, field } }, field like
// `criteria[2].evidence`); a form shows that message under that field, and anything else above the
// form. One function for every form of the workplace.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiRequestError } from '../../../api/client';

type NamePath = (string | number)[];

/** 'criteria[2].evidence' → ['criteria', 2, 'evidence'], the path antd's Form names fields by. */
export function fieldPath(field: string): NamePath {
  const path: NamePath = [];
  for (const part of field.split('.'))
    for (const [, name, index] of part.matchAll(/([^[\]]+)|\[(\d+)\]/g))
      path.push(index === undefined ? (name ?? '') : Number(index));
  return path;
}

const same = (a: NamePath, b: NamePath): boolean =>
  a.length === b.length && a.every((part, i) => String(part) === String(b[i]));

/**
 * Puts the service's refusal under the field it names, when the form shows that field (or the
 * nearest enclosing one: `items[0]` for `items[0].code` when only the line is a field). `rename`
 * maps a service field to the form's when the two differ. Returns the error when no field of the
 * form took it, for the form to show above itself.
 */
export function showOnField(
  form: FormInstance,
  err: unknown,
  rename: Record<string, string> = {},
): Error | undefined {
  const error = err instanceof Error ? err : new Error(String(err));
  if (!(error instanceof ApiRequestError) || error.field === null) return error;
  const path = fieldPath(rename[error.field] ?? error.field);
  const fields = form.getFieldsError().map((f) => f.name);
  for (let n = path.length; n > 0; n--) {
    const prefix = path.slice(0, n);
    const name = fields.find((f) => same(f, prefix));
    if (name !== undefined) {
      form.setFields([{ name, errors: [error.message] }]);
      return undefined;
    }
  }
  return error;
}

export interface FormAction {
  busy: boolean;
  /** What failed and belongs to no field, for the form to show above itself. */
  error: Error | undefined;
  submit: () => Promise<void>;
  clear: () => void;
}

/**
 * Validates the form with its own rules (the service's limits), sends, and on refusal shows the
 * service's message on the field it names. `act` gets the form's values; `done` its answer.
 */
export function useFormAction<V, R>(
  form: FormInstance<V>,
  act: (values: V) => Promise<R>,
  done: (result: R) => void,
  rename?: Record<string, string>,
): FormAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const submit = async (): Promise<void> => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // each field shows what is wrong with it
    }
    setBusy(true);
    setError(undefined);
    try {
      done(await act(values));
    } catch (err) {
      setError(showOnField(form, err, rename));
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    submit,
    clear: () => {
      setError(undefined);
    },
  };
}
