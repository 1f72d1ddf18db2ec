import { totalOf } from '../consolidation/summarizeAchievement';
import type { AchievementCounts, AchievementSummary } from '../consolidation/types';
import { escapeHtml } from './escapeHtml';

/**
 * Colours of the choices, best first (green to red, as the pane's bars), then 未記入 in grey. The chart
 * never carries meaning by colour alone: each choice after the first has its texture (TEXTURES), the legend
 * names each fill and the table beside gives every count.
 */
const SCALE = ['#2E7D32', '#7CB342', '#F9A825', '#EF6C00', '#C62828'];
const MORE = ['#6A1B9A', '#00838F'];
export const BLANK_COLOR = '#BDBDBD';

export function choiceColor(i: number, n: number): string {
  return n > SCALE.length
    ? (SCALE[i] ?? MORE[(i - SCALE.length) % MORE.length]!)
    : SCALE[n === 1 ? 0 : Math.round((i * (SCALE.length - 1)) / (n - 1))]!;
}

export const percent = (n: number, total: number): string =>
  total === 0 ? '0%' : `${Math.round((n / total) * 100)}%`;

/** `達成できた 20件（54%）、一部達成できた 12件（32%）、未記入 5件（14%、うち未提出 3件）`. */
export function countsText(choices: readonly string[], c: AchievementCounts): string {
  const total = totalOf(c);
  const parts = [
    ...choices.map((label, i) => [label, c.byChoice[i] ?? 0] as const),
    ['未記入', c.blank] as const,
  ];
  return parts
    .map(
      ([label, n]) =>
        `${label} ${n}件（${percent(n, total)}${label === '未記入' && c.missing > 0 ? `、うち未提出 ${c.missing}件` : ''}）`,
    )
    .join('、');
}

/**
 * A texture over each choice's colour after the first (lines, dots, cross-hatch …), so that the segments
 * stay apart printed in black and white, where the greens and reds turn the same grey.
 */
const TEXTURES = [
  '',
  '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#fff" stroke-width="1.5"/>',
  '<circle cx="3" cy="3" r="1.3" fill="#fff"/>',
  '<path d="M0,0 l6,6 M6,0 l-6,6" stroke="#fff" stroke-width="1"/>',
  '<path d="M0,3 h6" stroke="#fff" stroke-width="1.5"/>',
  '<path d="M3,0 v6" stroke="#fff" stroke-width="1.5"/>',
];

/** The fills' patterns: each choice's colour with its texture, 未記入 plain. */
function patterns(id: string, colors: readonly string[], blank: number): string {
  return colors
    .map((color, i) => {
      const texture = i === blank ? '' : (TEXTURES[i % TEXTURES.length] ?? '');
      return `<pattern id="${id}-fill${i}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${color}"/>${texture}</pattern>`;
    })
    .join('');
}

const WIDTH = 640;
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 18;
const ROW_GAP = 10;

/**
 * 達成状況 as an inline SVG: one stacked bar for the whole plan, then one per 基本項目, a legend under them.
 * role="img" with a title and a description that says every count, for those who cannot see it.
 */
export function achievementChart(a: AchievementSummary, id: string): string {
  const rows = [{ label: '全体', counts: a.total }, ...a.byBasic];
  const colors = [...a.choices.map((_, i) => choiceColor(i, a.choices.length)), BLANK_COLOR];
  const names = [...a.choices, '未記入'];
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
  const legendTop = rows.length * rowHeight + 4;
  const legendRows = Math.ceil(names.length / 3);
  const height = legendTop + legendRows * 22;
  const bars = rows.map((row, r) => {
    const y = r * rowHeight;
    const total = totalOf(row.counts);
    const counts = [...row.counts.byChoice, row.counts.blank];
    let x = 0;
    const segments = counts.map((n, i) => {
      const w = total === 0 ? 0 : (n / total) * WIDTH;
      const rect =
        w > 0
          ? `<rect x="${x.toFixed(2)}" y="${y + LABEL_HEIGHT}" width="${w.toFixed(2)}" height="${BAR_HEIGHT}" fill="url(#${id}-fill${i})"/>`
          : '';
      x += w;
      return rect;
    });
    return `<text x="0" y="${y + 13}" class="chart-label">${escapeHtml(`${row.label}（${total}件）`)}</text>${
      total === 0
        ? `<rect x="0" y="${y + LABEL_HEIGHT}" width="${WIDTH}" height="${BAR_HEIGHT}" fill="#F2F2F2"/>`
        : segments.join('')
    }`;
  });
  const legend = names.map((name, i) => {
    const x = (i % 3) * (WIDTH / 3);
    const y = legendTop + Math.floor(i / 3) * 22;
    return `<rect x="${x}" y="${y + 3}" width="12" height="12" fill="url(#${id}-fill${i})" stroke="#595959" stroke-width="0.5"/><text x="${x + 18}" y="${y + 14}" class="chart-label">${escapeHtml(name)}</text>`;
  });
  const label = a.field?.label ?? '達成状況';
  const desc = rows.map((row) => `${row.label}: ${countsText(a.choices, row.counts)}`).join('。');
  return `<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}"><title id="${id}-title">${escapeHtml(`${label}の内訳（全体と基本項目別の帯グラフ）`)}</title><desc id="${id}-desc">${escapeHtml(desc)}。</desc><defs>${patterns(id, colors, colors.length - 1)}</defs>${bars.join('')}${legend.join('')}</svg>`;
}
