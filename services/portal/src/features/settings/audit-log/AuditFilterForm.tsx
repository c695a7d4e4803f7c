import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Schema } from '../../../lib/api';
import { Button, Card, Field } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { EMPTY_FILTERS, filtersSchema, hasFilters, type AuditFilters } from './filters';
import { OBJECT_TYPES, objectTypeLabel } from './links';

const copy = t.settings.audit;

/**
 * The audit log's filters: who (actor id), what (action), which object (type,
 * id), where (environment) and when (days). Applied on submit, into the URL.
 */
export function AuditFilterForm({
  filters,
  environments,
  onApply,
}: {
  filters: AuditFilters;
  environments: readonly Schema<'Environment'>[];
  onApply: (filters: AuditFilters) => void;
}) {
  const form = useForm<AuditFilters>({ resolver: zodResolver(filtersSchema), defaultValues: filters });
  const { errors } = form.formState;
  const text = (name: 'actorId' | 'action' | 'objectId', label: string, hint?: string) => (
    <Field label={label} error={errors[name]?.message} hint={hint}>
      <input type="text" autoComplete="off" spellCheck={false} {...form.register(name)} />
    </Field>
  );
  return (
    <Card title={copy.filters} className="audit-filters-card">
      <form className="audit-filters" role="search" aria-label={copy.filters} onSubmit={form.handleSubmit(onApply)} noValidate>
        {text('actorId', copy.actorId, copy.actorHint)}
        {text('action', copy.action, copy.actionHint)}
        <Field label={copy.objectType} error={errors.objectType?.message}>
          <select {...form.register('objectType')}>
            <option value="">{copy.anyType}</option>
            {OBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {objectTypeLabel(type)}
              </option>
            ))}
          </select>
        </Field>
        {text('objectId', copy.objectId)}
        <Field label={copy.environment} error={errors.environmentId?.message}>
          <select {...form.register('environmentId')}>
            <option value="">{copy.anyEnvironment}</option>
            {environments.map((env) => (
              <option key={env.id} value={env.id}>
                {env.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={copy.from} error={errors.from?.message}>
          <input type="date" {...form.register('from')} />
        </Field>
        <Field label={copy.to} error={errors.to?.message} hint={copy.toHint}>
          <input type="date" {...form.register('to')} />
        </Field>
        <div className="audit-filters-actions">
          <Button type="submit" variant="primary">
            {copy.apply}
          </Button>
          {hasFilters(filters) ? (
            <Button variant="ghost" onClick={() => onApply(EMPTY_FILTERS)}>
              {copy.clear}
            </Button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
