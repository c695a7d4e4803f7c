/**
 * Money axes include zero and end on a round figure (1, 2, 2.5 or 5 times a
 * power of ten, in minor units), at least one unit of money (100 minor
 * units), so that ticks read €0, €2.50, €5.00 … and an empty period is not
 * drawn at the scale of a cent.
 */
export function niceCeil(value: number): number {
  if (value <= 100) return 100;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export const atLeastOneUnit = (max: number) => niceCeil(max);
export const atMostZero = (min: number) => (min < 0 ? -niceCeil(-min) : 0);
