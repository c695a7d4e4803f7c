import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AttemptList } from './AttemptList';

describe('a delivery’s attempts', () => {
  it('lists every attempt in order: its time (UTC on hover), HTTP answer, duration and error', () => {
    render(
      <AttemptList
        eventId="evt_01TEST"
        attempts={[
          { at: '2026-12-02T10:00:05.000Z', responseStatus: 200, durationMs: 85, responseBody: 'ok' },
          { at: '2026-12-02T10:00:00.000Z', responseStatus: 500, durationMs: 1234, error: 'Internal Server Error', responseBody: 'oops' },
          { at: '2026-12-02T09:59:00.000Z', responseStatus: null, durationMs: 10_000, error: 'timed out after 10 s', responseBody: '' },
        ]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Attempts to deliver evt_01TEST' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    const [timedOut, failed, succeeded] = items as [HTMLElement, HTMLElement, HTMLElement];
    for (const [item, parts] of [
      [timedOut, ['Failed: No response', '10 s', 'timed out after 10 s']],
      [failed, ['Failed: HTTP 500', '1.2 s', 'Internal Server Error']],
      [succeeded, ['Succeeded: HTTP 200', '85 ms']],
    ] as const) {
      for (const part of parts) expect(item).toHaveTextContent(part);
    }
    const first = items[0]!.querySelector('time')!;
    expect(first).toHaveAttribute('dateTime', '2026-12-02T09:59:00.000Z');
    expect(first).toHaveAttribute('title', '2026-12-02 09:59:00 UTC');
  });

  it('says so when nothing was attempted yet', () => {
    render(<AttemptList eventId="evt_01TEST" attempts={[]} />);
    expect(screen.getByText('Not attempted yet')).toBeInTheDocument();
  });
});
