import { invalidArgument, type FieldError } from '@azotte/common';

/**
 * Gathers every problem of a command before refusing it (STYLE.md habit 3),
 * each named by its HTTP path (`offer.percentOff`, `targeting.all.1.any.0.op`).
 */
export class Problems {
  readonly list: FieldError[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws one invalid_argument error listing every problem, if there is any. */
  throwIfAny(): void {
    if (!this.empty) throw invalidArgument(this.list);
  }
}

/** `at('codes', 1, 'code')` → `codes.1.code`. */
export const at = (...parts: Array<string | number>): string => parts.filter((p) => p !== '').join('.');

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
