import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { totalOf } from '../../domain/consolidation/summarizeAchievement';
import type { AchievementCounts, AchievementGroup } from '../../domain/consolidation/types';

const PARTS = [
  { key: 'achieved', label: '達成できた', color: tokens.colorPaletteGreenBackground3 },
  { key: 'partial', label: '一部達成できた', color: tokens.colorPaletteMarigoldBackground3 },
  { key: 'notAchieved', label: '達成できなかった', color: tokens.colorPaletteRedBackground3 },
  { key: 'blank', label: '未記入', color: tokens.colorNeutralBackground5 },
] as const;

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

function Bar({ counts, small }: { counts: AchievementCounts; small?: boolean }) {
  const s = useStyles();
  const total = totalOf(counts);
  return (
    <div className={mergeClasses(s.bar, small && s.smallBar)} aria-hidden="true">
      {PARTS.map((p) =>
        counts[p.key] > 0 ? (
          <span key={p.key} style={{ width: percent(counts[p.key], total), backgroundColor: p.color }} />
        ) : null,
      )}
    </div>
  );
}

/** 目標の達成: 達成できた / 一部達成できた / 達成できなかった / 未記入, a bar and its numbers; then by 基本項目. */
export function AchievementBars({
  total,
  groups,
}: {
  total: AchievementCounts;
  groups?: readonly AchievementGroup[];
}) {
  const s = useStyles();
  const sum = totalOf(total);
  return (
    <>
      <Bar counts={total} />
      <dl className={s.legend} aria-label="目標の達成状況">
        {PARTS.map((p) => (
          <div key={p.key} style={{ display: 'contents' }}>
            <span className={s.swatch} style={{ backgroundColor: p.color }} aria-hidden="true" />
            <dt className={s.dt}>{p.label}</dt>
            <dd className={s.dd}>
              {total[p.key]} 件（{percent(total[p.key], sum)}）
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
                  達成 {g.counts.achieved} / {totalOf(g.counts)}
                </span>
              </span>
              <Bar counts={g.counts} small />
            </div>
          ))}
        </div>
      )}
    </>
  );
}
