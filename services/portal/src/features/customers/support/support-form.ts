import { z } from 'zod';
import { t } from '../../../lib/i18n';

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export const STATUSES = ['open', 'pending', 'resolved'] as const;

const required = (max: number) => z.string().trim().min(1, t.customers.required).max(max, t.customers.tooLong(max));

export const openRequestSchema = z.object({ subject: required(200), body: required(10_000), priority: z.enum(PRIORITIES) });
export type OpenRequestValues = z.infer<typeof openRequestSchema>;

export const replySchema = z.object({ body: required(10_000) });
export type ReplyValues = z.infer<typeof replySchema>;

export const statusSchema = z.object({ status: z.enum(STATUSES), priority: z.enum(PRIORITIES) });
export type StatusValues = z.infer<typeof statusSchema>;
