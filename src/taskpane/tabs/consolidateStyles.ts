import { makeStyles, tokens } from '@fluentui/react-components';

/** The 集約 tab's own styles, shared by the tab and its result view. */
export const useConsolidateStyles = makeStyles({
  two: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  missing: {
    fontSize: tokens.fontSizeBase200,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  target: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  /** Scrolled to the top when a run ends: its focus ring and the line above it stay in sight. */
  run: { scrollMarginTop: tokens.spacingVerticalXXXL },
});
