import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button, Field } from '../components';
import { t } from '../i18n';
import { localDateInput } from '../time';
import { formatPeriod } from './format';
import { isDay, PRESETS, type PeriodChoice, type Preset } from './period';
import './reporting.css';

const text = t.analytics.period;

const customSchema = z
  .object({
    from: z.string().refine(isDay, text.invalidDay),
    to: z.string().refine(isDay, text.invalidDay),
  })
  .refine((v) => v.from <= v.to, { path: ['to'], message: text.toBeforeFrom });

type CustomValues = z.infer<typeof customSchema>;

function defaultCustom(choice: PeriodChoice): CustomValues {
  if (choice.kind === 'custom') return { from: choice.from, to: choice.to };
  const today = new Date();
  return { from: localDateInput(new Date(today.getFullYear(), today.getMonth(), 1)), to: localDateInput(today) };
}

/**
 * The period of a page's figures: a preset (Last 7, 30, 90 days, This month)
 * or a custom range of days, applied with its own small form. `covering` is
 * the period the API answered for, shown in words.
 */
export function PeriodPicker({ choice, onChange, covering }: { choice: PeriodChoice; onChange: (choice: PeriodChoice) => void; covering?: { from: string; to: string } | undefined }) {
  const id = useId();
  const [custom, setCustom] = useState(choice.kind === 'custom');
  useEffect(() => setCustom(choice.kind === 'custom'), [choice.kind]);
  const form = useForm<CustomValues>({ resolver: zodResolver(customSchema), defaultValues: defaultCustom(choice) });
  const { errors } = form.formState;

  const onSelect = (value: string) => {
    if (value === 'custom') {
      setCustom(true);
      return;
    }
    setCustom(false);
    onChange({ kind: 'preset', preset: value as Preset });
  };

  return (
    <div className="period-picker">
      <div className="period-select">
        <label htmlFor={`${id}-period`}>{text.label}</label>
        <select id={`${id}-period`} value={custom ? 'custom' : choice.kind === 'preset' ? choice.preset : 'custom'} onChange={(e) => onSelect(e.target.value)}>
          {PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {text.presets[preset]}
            </option>
          ))}
          <option value="custom">{text.presets.custom}</option>
        </select>
      </div>
      {custom ? (
        <form
          className="period-custom"
          aria-label={text.customLegend}
          noValidate
          onSubmit={form.handleSubmit((values) => onChange({ kind: 'custom', from: values.from, to: values.to }))}
        >
          <Field label={text.from} error={errors.from?.message}>
            <input type="date" {...form.register('from')} />
          </Field>
          <Field label={text.to} error={errors.to?.message}>
            <input type="date" {...form.register('to')} />
          </Field>
          <Button type="submit" variant="primary">
            {text.apply}
          </Button>
        </form>
      ) : null}
      {covering ? <p className="period-covering muted">{formatPeriod(covering)}</p> : null}
    </div>
  );
}
