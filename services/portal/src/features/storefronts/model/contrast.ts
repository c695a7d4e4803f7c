/**
 * WCAG 2.1 contrast between two sRGB colours: (L1 + 0.05) / (L2 + 0.05) of
 * their relative luminances. Text needs 4.5:1 for AA (3:1 when large).
 */
export const AA_TEXT = 4.5;

const HEX = /^#([0-9a-f]{6})$/i;

export function isHexColor(text: string): boolean {
  return HEX.test(text);
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const match = HEX.exec(hex);
  if (!match) throw new RangeError(`Not a #RRGGBB colour: ${hex}`);
  const n = parseInt(match[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255] as const;
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** "4.49:1" — cut, never rounded up, so that a ratio shown as 4.50 really is sufficient. */
export const formatRatio = (ratio: number) => `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
