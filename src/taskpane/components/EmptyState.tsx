import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1, display: 'flex' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
  body: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalS,
    width: '100%',
    maxWidth: '280px',
    marginTop: tokens.spacingVerticalS,
  },
});

/** What to do next when a tab has nothing to show yet. */
export function EmptyState(props: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const s = useStyles();
  return (
    <div className={s.root}>
      <span className={s.icon} aria-hidden="true">
        {props.icon}
      </span>
      <h2 className={s.title}>{props.title}</h2>
      {props.children && <p className={s.body}>{props.children}</p>}
      {props.actions && <div className={s.actions}>{props.actions}</div>}
    </div>
  );
}
