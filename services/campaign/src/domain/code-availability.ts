import type { Db, Scope } from '@azotte/common';
import { takenCodes } from '../store/codes';
import type { CodeSpec } from './codes';
import { codeTaken } from './errors';

/** Refuses codes that another campaign of the environment already uses (409 `code_taken`, naming each). */
export async function ensureCodesFree(db: Db, scope: Scope, codes: CodeSpec[], campaignId: string): Promise<void> {
  const taken = new Set(await takenCodes(db, scope, codes.map((c) => c.code), campaignId));
  if (taken.size === 0) return;
  const fields = codes.flatMap((c, i) =>
    taken.has(c.code) ? [{ path: `codes.${i}.code`, message: `is already used by another campaign of this environment` }] : [],
  );
  throw codeTaken(fields, [...taken]);
}

/** The code of a unique violation on the codes' index (a race the check above lost), from Postgres' detail. */
export function codeOfViolation(err: unknown): string {
  const detail = (err as { detail?: string }).detail ?? '';
  return /\)=\([^,]*, [^,]*, (.*)\) already exists/.exec(detail)?.[1] ?? 'unknown';
}
