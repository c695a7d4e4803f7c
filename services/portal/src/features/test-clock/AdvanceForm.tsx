import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { api, newIdempotencyKey, scopeKey, unwrap, type Schema } from '../../lib/api';
import { Button, Field, FormProblem } from '../../lib/components';
import { applyApiErrors } from '../../lib/forms';
import { t } from '../../lib/i18n';
import { liveNow } from './useLiveNow';
import { addShortcut, ceilToMinute, fromLocalInput, processedText, SHORTCUTS, toLocalInput, type Shortcut } from './advance';

const text = t.testClock;

const SHORTCUT_LABELS: Record<Shortcut, string> = { day: text.plusDay, week: text.plusWeek, month: text.plusMonth, year: text.plusYear };

type Result = Schema<'TestClockAdvance'>;

/**
 * "Advance to" a moment (local time), or a shortcut from the environment's
 * now; Advance runs everything due up to it before it answers. Every query
 * of the scope is then asked again, since every figure may have moved.
 */
export function AdvanceForm({ now, fetchedAt, onAdvanced }: { now: string; fetchedAt: number; onAdvanced: (result: Result, from: string) => void }) {
  const client = useQueryClient();
  // Read at validation and submit time: the clock has run on since it was fetched.
  const clock = useRef({ now, fetchedAt });
  clock.current = { now, fetchedAt };
  const currentNow = () => liveNow(clock.current.now, clock.current.fetchedAt);
  const schema = useMemo(
    () =>
      z.object({
        to: z.string().superRefine((value, ctx) => {
          const at = fromLocalInput(value);
          if (!at) ctx.addIssue({ code: 'custom', message: text.invalid });
          else if (at.getTime() <= currentNow().getTime()) ctx.addIssue({ code: 'custom', message: text.laterThanNow });
        }),
      }),
    [],
  );
  const form = useForm<{ to: string }>({ resolver: zodResolver(schema), defaultValues: { to: '' } });
  const [problem, setProblem] = useState<string>();
  // One key per submit; the same submit sent again (same moment) reuses it.
  const attempt = useRef<{ key: string; to: string } | null>(null);
  const advance = useMutation({
    mutationFn: ({ to, key }: { to: string; key: string }) =>
      unwrap(api.POST('/test-clock/advance', { body: { to }, headers: { 'Idempotency-Key': key } })),
  });

  const onSubmit = form.handleSubmit(async ({ to: local }) => {
    const to = fromLocalInput(local)!.toISOString();
    if (attempt.current?.to !== to) attempt.current = { key: newIdempotencyKey(), to };
    setProblem(undefined);
    const from = currentNow().toISOString();
    try {
      const result = await advance.mutateAsync({ to, key: attempt.current.key });
      attempt.current = null;
      form.reset({ to: '' });
      onAdvanced(result, from);
      toast.success(text.advanced, { description: processedText(result.processed) });
      void client.invalidateQueries({ queryKey: [scopeKey()] });
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, ['to']));
    }
  });

  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <FormProblem message={problem} />
      <Field label={text.advanceTo} error={form.formState.errors.to?.message} hint={text.advanceHint(Intl.DateTimeFormat().resolvedOptions().timeZone)}>
        <input type="datetime-local" step={60} {...form.register('to')} />
      </Field>
      <div className="clock-shortcuts" role="group" aria-label={text.shortcuts}>
        {SHORTCUTS.map((s) => (
          <Button
            key={s}
            size="small"
            onClick={() => form.setValue('to', toLocalInput(ceilToMinute(addShortcut(currentNow(), s))), { shouldValidate: true, shouldDirty: true })}
          >
            {SHORTCUT_LABELS[s]}
          </Button>
        ))}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={form.formState.isSubmitting} busyLabel={text.advancing}>
          {text.advance}
        </Button>
      </div>
    </form>
  );
}
