import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { firstChoiceRate, tallyTitle, totalOf } from '../../domain/consolidation/summarizeAchievement';
import type { AchievementCounts, AchievementGroup } from '../../domain/consolidation/types';

/** Colours of the choices, best first: green to red (R2: 達成できた green, 一部 marigold, できなかった red). */
const SCALE = [
  tokens.colorPaletteGreenBackground3,
  tokens.colorPaletteLightGreenBackground3,
  tokens.colorPaletteMarigoldBackground3,
  tokens.colorPaletteDarkOrangeBackground3,
  tokens.colorPaletteRedBackground3,
];
const MORE = [tokens.colorPaletteBerryBackground3, tokens.colorPaletteYellowBackground3];
const BLANK_COLOR = tokens.colorNeutralBackground5;

const choiceColor = (i: number, n: number): string =>
  n > SCALE.length
    ? (SCALE[i] ?? MORE[(i - SCALE.length) % MORE.length]!)
    : SCALE[n === 1 ? 0 : Math.round((i * (SCALE.length - 1)) / (n - 1))]!;

interface Part {
  readonly label: string;
  readonly color: string;
  readonly count: (c: AchievementCounts) => number;
}

/** One part per choice, best first, then 未記入. */
const partsOf = (choices: readonly string[]): Part[] => [
  ...choices.map((label, i) => ({
    label,
    color: choiceColor(i, choices.length),
    count: (c: AchievementCounts) => c.byChoice[i] ?? 0,
  })),
  { label: '未記入', color: BLANK_COLOR, count: (c: AchievementCounts) => c.blank },
];

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    height: '12px',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  smallBar: { height: '8px' },
  legend: {
    display: 'grid',
    gridTemplateColumns: '12px 1fr auto',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  swatch: { width: '10px', height: '10px', borderRadius: '2px' },
  dd: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  dt: { margin: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: '2px', fontSize: tokens.fontSizeBase200 },
  groupHead: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const percent = (n: number, total: number): string =>
  total === 0 ? '0%' : `${Math.round((n / total) * 100)}%`;

function Bar({
  parts,
  counts,
  small,
}: {
  parts: readonly Part[];
  counts: AchievementCounts;
  small?: boolean;
}) {
  const s = useStyles();
  const total = totalOf(counts);
  return (
    <div className={mergeClasses(s.bar, small && s.smallBar)} aria-hidden="true">
      {parts.map((p) =>
        p.count(counts) > 0 ? (
          <span key={p.label} style={{ width: percent(p.count(counts), total), backgroundColor: p.color }} />
        ) : null,
      )}
    </div>
  );
}

/**
 * The 集計 field's counts (R2 目標の達成: 達成できた / 一部達成できた / 達成できなかった / 未記入), a bar and its
 * numbers; then by 基本項目 with the first choice's count (R2: 達成 23 / 37).
 */
export function AchievementBars({
  label,
  choices,
  total,
  groups,
}: {
  /** The 集計 field's label: the legend is named after it (R2: 目標の達成状況). */
  label: string;
  choices: readonly string[];
  total: AchievementCounts;
  groups?: readonly AchievementGroup[];
}) {
  const s = useStyles();
  const parts = partsOf(choices);
  const sum = totalOf(total);
  const first = firstChoiceRate(choices) === '達成率' ? '達成' : choices[0];
  return (
    <>
      <Bar parts={parts} counts={total} />
      <dl className={s.legend} aria-label={tallyTitle(label)}>
        {parts.map((p) => (
          <div key={p.label} style={{ display: 'contents' }}>
            <span className={s.swatch} style={{ backgroundColor: p.color }} aria-hidden="true" />
            <dt className={s.dt}>{p.label}</dt>
            <dd className={s.dd}>
              {p.count(total)} 件（{percent(p.count(total), sum)}）
            </dd>
          </div>
        ))}
      </dl>
      {groups && groups.length > 0 && (
        <div className={s.groups}>
          {groups.map((g) => (
            <div key={g.label} className={s.group}>
              <span className={s.groupHead}>
                <span>{g.label}</span>
                <span>
                  {first} {g.counts.byChoice[0] ?? 0} / {totalOf(g.counts)}
                </span>
              </span>
              <Bar parts={parts} counts={g.counts} small />
            </div>
          ))}
        </div>
      )}
    </>
  );
}
