import { invalidArgument, type FieldError } from '@azotte/common';
import { isPublicEventType } from '@azotte/proto';
import { isIP } from 'node:net';
import { hostOf, refusedAddress, urlProblem } from './address-rules';
import type { Deps } from './deps';

const MAX_DESCRIPTION = 500;
const MAX_EVENT_TYPES = 50;

/**
 * The problems of an endpoint's URL under the address rules: its form, and in
 * production every address its name resolves to (checked again at every
 * delivery against the address connected to).
 */
export async function urlProblems(deps: Pick<Deps, 'policy' | 'resolve'>, url: string): Promise<FieldError[]> {
  const problem = urlProblem(url, deps.policy);
  if (problem) return [{ path: 'url', message: problem }];
  if (deps.policy.allowPrivateNetworks) return [];
  const host = hostOf(new URL(url));
  if (isIP(host)) return [];
  let addresses: string[];
  try {
    addresses = await deps.resolve(host);
  } catch {
    return [{ path: 'url', message: `must resolve to a public address; ${host} does not resolve` }];
  }
  const refused = refusedAddress(addresses, deps.policy);
  return refused ? [{ path: 'url', message: `must resolve to public addresses only; ${host} resolves to ${refused.address} (${refused.reason})` }] : [];
}

/** `enabledEvents` checked: ["*"] or known public types, at least one; "*" anywhere means every type. */
export function enabledEventsOf(list: readonly string[], problems: FieldError[]): string[] {
  if (list.length === 0) problems.push({ path: 'enabledEvents', message: 'must list at least one event type, or "*"' });
  if (list.length > MAX_EVENT_TYPES) problems.push({ path: 'enabledEvents', message: `must list at most ${MAX_EVENT_TYPES} types` });
  list.forEach((type, i) => {
    if (type !== '*' && !isPublicEventType(type)) problems.push({ path: `enabledEvents.${i}`, message: `is not a public event type: ${type}` });
  });
  return list.includes('*') ? ['*'] : [...new Set(list)];
}

export function descriptionProblems(description: string | undefined): FieldError[] {
  return description !== undefined && description.length > MAX_DESCRIPTION
    ? [{ path: 'description', message: `must be at most ${MAX_DESCRIPTION} characters` }]
    : [];
}

export const throwIfAny = (problems: FieldError[]) => {
  if (problems.length > 0) throw invalidArgument(problems);
};
