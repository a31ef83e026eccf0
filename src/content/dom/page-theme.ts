/**
 * Whether the page under the card is dark, so a light card does not glare on
 * a dark site even when the system theme is light.
 */

function parseRgb(colour: string): { r: number; g: number; b: number; a: number } | undefined {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)/.exec(colour);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** True when the page's visible background (body, else root) is dark. */
export function isPageDark(doc: Document): boolean {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const rgb = parseRgb(getComputedStyle(element).backgroundColor);
    if (!rgb || rgb.a < 0.5) continue;
    // Relative luminance, roughly: dark below the middle grey.
    const luminance = (0.2126 * rgb.r + 0.7152 * rgb.g + 0.0722 * rgb.b) / 255;
    return luminance < 0.4;
  }
  return false;
}
