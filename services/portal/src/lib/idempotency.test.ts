import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { useIdempotencyKey } from './idempotency';

describe('the Idempotency-Key of a submit', () => {
  it('is reused when the same body is sent again after no definite answer', () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current.keyFor({ name: 'Spring' });
    result.current.settle(ApiError.offline());
    expect(result.current.keyFor({ name: 'Spring' })).toBe(first);
    result.current.settle(new ApiError(503, { status: 503 }));
    expect(result.current.keyFor({ name: 'Spring' })).toBe(first);
  });

  it('is new for another body, and after a definite answer', () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current.keyFor({ name: 'Spring' });
    const other = result.current.keyFor({ name: 'Summer' });
    expect(other).not.toBe(first);
    result.current.settle(new ApiError(409, { status: 409, code: 'code_taken' }));
    expect(result.current.keyFor({ name: 'Summer' })).not.toBe(other);
  });
});

describe('a submit that is still running or was lost', () => {
  it('keeps its key for a 409 (the first try is still in flight)', () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current.keyFor({ amount: 500 });
    result.current.settle(new ApiError(409, { status: 409, code: 'idempotency_key_in_flight' }));
    expect(result.current.keyFor({ amount: 500 })).toBe(first);
    result.current.done();
    expect(result.current.keyFor({ amount: 500 })).not.toBe(first);
  });
});
