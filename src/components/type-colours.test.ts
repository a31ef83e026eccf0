import { describe, expect, it } from 'vitest';
import { TYPE_GROUPS } from '../shared/catalog';
import { MARK_TINT_ALPHA, ON_TYPE_COLOUR, THEME_BACKGROUND, TYPE_COLOURS, typeColourDeclarations, type Theme } from './type-colours';

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function over(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  return top.map((c, i) => c * alpha + bottom[i]! * (1 - alpha)) as Rgb;
}

/** Page text of each theme (theme.css `--fg`). */
const TEXT: Record<Theme, Rgb> = { light: rgb('#1b1f24'), dark: rgb('#e8eaed') };
const THEMES: Theme[] = ['light', 'dark'];

describe('type colours', () => {
  it.each(THEMES)('in the %s theme, each group colour is AA text on the background, and page text is AA on its mark tint', (theme) => {
    const background = rgb(THEME_BACKGROUND[theme]);
    for (const group of TYPE_GROUPS) {
      const colour = rgb(TYPE_COLOURS[group][theme]);
      expect(contrast(colour, background), `${group} on ${theme}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(TEXT[theme], over(colour, MARK_TINT_ALPHA, background)), `text on ${group} tint`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(ON_TYPE_COLOUR[theme]), colour), `flash text on ${group}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives every group its own colour in each theme', () => {
    for (const theme of THEMES) expect(new Set(TYPE_GROUPS.map((g) => TYPE_COLOURS[g][theme])).size).toBe(TYPE_GROUPS.length);
  });

  it('declares one variable per group', () => {
    expect(typeColourDeclarations('light', '--bs-')).toBe(TYPE_GROUPS.map((g) => `--bs-${g}: ${TYPE_COLOURS[g].light};`).join(' '));
  });
});
