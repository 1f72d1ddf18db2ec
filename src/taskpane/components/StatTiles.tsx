import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export interface Stat {
  readonly label: string;
  readonly value: number;
  readonly tone?: 'neutral' | 'danger' | 'warning' | 'success';
}

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingHorizontalS, margin: 0, padding: 0 },
  tile: {
    display: 'flex',
    flexDirection: 'column-reverse',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    overflowWrap: 'anywhere',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  label: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  danger: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
});

/** Counts as label/value tiles (a description list, so a screen reader reads "基本項目 2"). */
export function StatTiles({
  stats,
  label,
  columns = stats.length,
}: {
  stats: readonly Stat[];
  label: string;
  columns?: number;
}) {
  const s = useStyles();
  return (
    <dl
      className={s.root}
      aria-label={label}
      style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
    >
      {stats.map((stat) => (
        <div key={stat.label} className={s.tile}>
          <dt className={s.label}>{stat.label}</dt>
          <dd
            className={mergeClasses(
              s.value,
              stat.tone && stat.tone !== 'neutral' && stat.value > 0 && s[stat.tone],
            )}
          >
            {stat.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
