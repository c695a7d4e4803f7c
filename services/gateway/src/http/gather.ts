import { DomainError } from '@azotte/common';

export type Sources<T> = { [K in keyof T]: () => Promise<T[K]> };

export interface Gathered<T> {
  /** What each source that answered in time answered. */
  results: Partial<T>;
  /** The sources that failed or missed the deadline, in the order they were given. */
  degraded: Array<keyof T & string>;
  /** Why each degraded source is missing: what it threw, or an `unavailable` DomainError for a missed deadline. */
  failures: Partial<Record<keyof T, unknown>>;
}

/**
 * Asks every source at once and waits for each at most `deadlineMs`: a source
 * that rejects or does not settle in time is named in `degraded` and left out
 * of `results`, the others are returned. Never rejects, and never waits longer
 * than the deadline (a late answer is dropped). Sources should also give their
 * own calls the deadline, so that nothing is left running for nobody.
 */
export async function gather<T extends Record<string, unknown>>(sources: Sources<T>, deadlineMs: number): Promise<Gathered<T>> {
  const names = Object.keys(sources) as Array<keyof T & string>;
  const settled = await Promise.all(names.map((name) => withDeadline(name, sources[name], deadlineMs)));
  const gathered: Gathered<T> = { results: {}, degraded: [], failures: {} };
  names.forEach((name, i) => {
    const outcome = settled[i]!;
    if (outcome.ok) gathered.results[name] = outcome.value as T[typeof name];
    else {
      gathered.degraded.push(name);
      gathered.failures[name] = outcome.error;
    }
  });
  return gathered;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function withDeadline(name: string, source: () => Promise<unknown>, deadlineMs: number): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    const timer = setTimeout(
      () => resolve({ ok: false, error: new DomainError('unavailable', 'deadline_exceeded', `${name} did not answer within ${deadlineMs} ms.`) }),
      deadlineMs,
    );
    // A source that throws before returning its promise fails like one that rejects.
    new Promise((settle) => settle(source())).then(
      (value) => resolve({ ok: true, value }),
      (error: unknown) => resolve({ ok: false, error }),
    ).finally(() => clearTimeout(timer));
  });
}
