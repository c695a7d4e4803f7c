import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../../lib/api';
import { applyApiErrors } from '../../../lib/forms';

/**
 * applyApiErrors, with one refinement for business rules: a 422 naming one
 * field (a coupon that cannot be used, a price that cannot be sold) carries
 * its reason in words in `detail`, while its `errors[]` entry is a bare code,
 * so the words go beside the field.
 */
export function placeApiErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string {
  if (isApiError(error) && error.status === 422 && error.fieldErrors.length === 1 && error.problem.detail) {
    const path = error.fieldErrors[0]!.path;
    if (fields.includes(path)) {
      setError(path as Path<T>, { type: 'server', message: error.problem.detail });
      return '';
    }
  }
  return applyApiErrors(error, setError, fields);
}
