import type { z } from 'zod';
import { invalidArgument, type FieldError } from '../errors/domain-error';

/** The issues of a failed parse as field errors, with dotted paths (`regional.currencies.1`). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    // A bad record key reports its own check's message underneath a generic one.
    const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
    return { path: issue.path.map(String).join('.') || '(body)', message: inner ?? issue.message };
  });
}

/**
 * The parsed command, or one invalid_argument error listing every problem at
 * once (STYLE.md habit 3), plus `extra` ones found by checks outside the schema.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, extra: FieldError[] = []): z.output<S> {
  const result = schema.safeParse(input);
  const problems = [...(result.success ? [] : fieldErrors(result.error)), ...extra];
  if (problems.length > 0) throw invalidArgument(problems);
  return result.data as z.output<S>;
}
