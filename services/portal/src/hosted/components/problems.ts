import { isHostedApiError } from '../api/errors';
import type { Messages } from '../i18n';
import { declineText, type FieldErrors } from './card';

/** A refused call as messages: beside the fields it names (`fields`), and for the form as a whole (`form`). */
export interface Refusal {
  fields: FieldErrors;
  form?: string;
}

/**
 * A refused card form: a decline (402) beside the card number, in words; a
 * 400's `errors[]` beside each path the form has (`card` as a whole goes to
 * the number); what names no field of the form is the form's message.
 */
export function refusalOf(error: unknown, t: Messages, fields: readonly string[]): Refusal {
  if (!isHostedApiError(error)) return { fields: {}, form: t.failed };
  if (error.status === 402) {
    // CONTRACT.md: `code` is the decline code. A `declineCode` beside it (as the portal's API has) is preferred when known.
    const problem = error.problem as typeof error.problem & { declineCode?: string };
    const code = [problem.declineCode, problem.code].find((c) => c && t.declines[c]) ?? problem.code;
    return { fields: { 'card.number': declineText(code, t) } };
  }
  if (error.status === 400 || error.status === 422) {
    const placed: FieldErrors = {};
    const unplaced: string[] = [];
    for (const { path, message } of error.fieldErrors) {
      const field = path === 'card' ? 'card.number' : path;
      if (fields.includes(field)) placed[field] ??= message;
      else unplaced.push(message);
    }
    if (unplaced.length > 0 || Object.keys(placed).length === 0) return { fields: placed, form: unplaced.join(' ') || error.message };
    return { fields: placed };
  }
  if (error.status === 429) return { fields: {}, form: t.tooManyAttempts };
  if (error.status === 0) return { fields: {}, form: t.offline };
  return { fields: {}, form: t.failed };
}
