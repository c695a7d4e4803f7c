/**
 * The storefront's primary colour, made usable: the text on it (white or
 * near-black, whichever reads better) and a variant for links and focus rings
 * that keeps WCAG AA contrast (4.5:1) on the theme's background, since a
 * brand colour chosen for a light page is often too dark for a dark one.
 */

export const DEFAULT_PRIMARY = '#3b3fd8';
export const BACKGROUNDS = { light: '#ffffff', dark: '#12141a' } as const;
const AA = 4.5;

type Rgb = [number, number, number];

export function parseHex(color: string | null | undefined): Rgb | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const mix = (a: Rgb, b: Rgb, share: number): Rgb => a.map((c, i) => c + (b[i]! - c) * share) as Rgb;

export interface BrandColors {
  primary: string;
  onPrimary: string;
  /** The primary colour, lightened or darkened until it reads on the page background. */
  accent: string;
}

export function brandColors(primaryColor: string | null | undefined, theme: 'light' | 'dark'): BrandColors {
  const primary = parseHex(primaryColor) ?? parseHex(DEFAULT_PRIMARY)!;
  const white: Rgb = [255, 255, 255];
  const ink: Rgb = [17, 20, 26];
  const onPrimary = contrast(primary, white) >= contrast(primary, ink) ? white : ink;
  const background = parseHex(BACKGROUNDS[theme])!;
  const toward = theme === 'dark' ? white : ink;
  let accent = primary;
  for (let share = 0.1; contrast(accent, background) < AA && share <= 1; share += 0.1) accent = mix(primary, toward, share);
  return { primary: toHex(primary), onPrimary: toHex(onPrimary), accent: toHex(accent) };
}
