import { z } from 'zod';

/** An email address, trimmed and lower-cased (users and customers are found by it). */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'is not a valid email address' }));
