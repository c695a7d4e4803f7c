import type { campaignV1 } from '@azotte/proto';
import { at, type Problems } from './problems';

/** Codes are matched case-insensitively: stored and compared in upper case. */
export const normaliseCode = (code: string): string => code.trim().toUpperCase();

export const CODE_SHAPE = /^[A-Z0-9_-]{3,40}$/;
export const MAX_CODES = 1_000;
export const MAX_REDEMPTIONS = 1_000_000_000;

export interface CodeSpec {
  /** Upper case: what matching and uniqueness use. */
  code: string;
  /** As created, for display. */
  display: string;
  maxRedemptions: number | null;
}

export const validLimit = (n: number | undefined) =>
  n === undefined || (Number.isInteger(n) && n >= 1 && n <= MAX_REDEMPTIONS);

/** Checks a campaign's codes, each problem under `codes.<i>.<field>`; repeats (in any case) are refused. */
export function validateCodes(input: campaignV1.Code[], problems: Problems): CodeSpec[] {
  if (input.length > MAX_CODES) problems.add('codes', `must list at most ${MAX_CODES} codes`);
  const seen = new Set<string>();
  const codes: CodeSpec[] = [];
  input.forEach((c, i) => {
    const path = at('codes', i);
    const code = normaliseCode(c.code ?? '');
    let ok = true;
    if (!CODE_SHAPE.test(code)) {
      problems.add(at(path, 'code'), 'must be 3 to 40 letters, digits, _ or - (matched case-insensitively)');
      ok = false;
    } else if (seen.has(code)) {
      problems.add(at(path, 'code'), 'is listed twice (codes are case-insensitive)');
      ok = false;
    }
    seen.add(code);
    if (!validLimit(c.maxRedemptions)) {
      problems.add(at(path, 'maxRedemptions'), `must be a whole number from 1 to ${MAX_REDEMPTIONS} (absent = unlimited)`);
      ok = false;
    }
    if (ok) codes.push({ code, display: c.code.trim(), maxRedemptions: c.maxRedemptions ?? null });
  });
  return codes;
}
