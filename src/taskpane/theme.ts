import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** `#RRGGBB` → relative luminance 0..1 (undefined when not a colour). */
function luminance(color: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m?.[1]) return undefined;
  const n = Number.parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Follow Office's theme (Office.context.officeTheme.bodyBackgroundColor): dark body → Fluent dark theme. */
export function themeFor(bodyBackgroundColor: string | undefined): Theme {
  const l = bodyBackgroundColor === undefined ? undefined : luminance(bodyBackgroundColor);
  return l !== undefined && l < 0.2 ? webDarkTheme : webLightTheme;
}
