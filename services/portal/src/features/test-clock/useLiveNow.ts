import { useEffect, useState } from 'react';

/**
 * The environment's now as it runs on: the clock's answer plus the real time
 * passed since it came (a test clock runs with real time between advances).
 */
export function liveNow(now: string, fetchedAt: number): Date {
  return new Date(Date.parse(now) + Math.max(0, Date.now() - fetchedAt));
}

/** `liveNow`, rendered again every 15 seconds. */
export function useLiveNow(now: string, fetchedAt: number): Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 15_000);
    return () => clearInterval(timer);
  }, []);
  return liveNow(now, fetchedAt);
}
