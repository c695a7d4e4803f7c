import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EventTypePicker } from './EventTypePicker';

/** The picker as a form holds it: its value is what the API is sent. */
function Harness({ initial, onChange }: { initial: string[]; onChange: (value: string[]) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <EventTypePicker
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

function setup(initial: string[]) {
  const onChange = vi.fn<(value: string[]) => void>();
  render(<Harness initial={initial} onChange={onChange} />);
  return { onChange, user: userEvent.setup(), last: () => onChange.mock.calls.at(-1)?.[0] };
}

describe('the event-type picker', () => {
  it('starts at "All events" for ["*"], with no list to tick', () => {
    setup(['*']);
    expect(screen.getByRole('radio', { name: 'All events' })).toBeChecked();
    expect(screen.queryByRole('group', { name: 'Event types' })).not.toBeInTheDocument();
  });

  it('chooses types one by one, grouped by resource', async () => {
    const { user, last } = setup(['*']);
    await user.click(screen.getByRole('radio', { name: 'Only the events I choose' }));
    expect(last()).toEqual([]);
    const types = screen.getByRole('group', { name: 'Event types' });
    const invoices = within(types).getByRole('group', { name: 'Invoice' });
    await user.click(within(invoices).getByRole('checkbox', { name: 'invoice.paid' }));
    await user.click(screen.getByRole('checkbox', { name: 'customer.created' }));
    expect(last()).toEqual(['customer.created', 'invoice.paid']);
    expect(within(invoices).getByRole('checkbox', { name: 'All invoice events' })).toBePartiallyChecked();
  });

  it('takes a whole group with its own checkbox, and leaves it again', async () => {
    const { user, last } = setup(['customer.created']);
    const all = screen.getByRole('checkbox', { name: 'All subscription events' });
    await user.click(all);
    expect(last()).toEqual(['customer.created', 'subscription.created', 'subscription.updated', 'subscription.canceled', 'subscription.trial_will_end']);
    expect(all).toBeChecked();
    await user.click(all);
    expect(last()).toEqual(['customer.created']);
    expect(all).not.toBeChecked();
  });

  it('says what a type whose name does not say it all sends', () => {
    setup(['customer.created']);
    expect(screen.getByRole('checkbox', { name: 'subscription.trial_will_end' })).toHaveAccessibleDescription('3 days before a trial ends');
  });

  it('brings back the list chosen before, when "All events" is picked and then left', async () => {
    const { user, last } = setup(['refund.created', 'payment.failed']);
    await user.click(screen.getByRole('radio', { name: 'All events' }));
    expect(last()).toEqual(['*']);
    await user.click(screen.getByRole('radio', { name: 'Only the events I choose' }));
    expect(last()).toEqual(['payment.failed', 'refund.created']);
  });

  it('keeps, and shows apart, a type the portal does not know', async () => {
    const { user, last } = setup(['payout.created', 'customer.created']);
    const other = screen.getByRole('group', { name: 'Other' });
    expect(within(other).getByRole('checkbox', { name: 'payout.created' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'customer.updated' }));
    expect(last()).toEqual(['customer.created', 'customer.updated', 'payout.created']);
  });

  it('shows its error beside it', () => {
    render(<EventTypePicker value={[]} onChange={() => undefined} error="Choose at least one event type, or All events." />);
    expect(screen.getByRole('group', { name: 'Events to send' })).toHaveAccessibleDescription('Choose at least one event type, or All events.');
  });
});
