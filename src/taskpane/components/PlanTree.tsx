import { Badge, Tree, TreeItem, TreeItemLayout, makeStyles, tokens } from '@fluentui/react-components';
import {
  basicLabel,
  formatAssignment,
  groupLabel,
  itemLabel,
  promotionLabel,
} from '../../domain/plan/planItems';
import type { Plan } from '../../domain/plan/types';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalXXS} 0`,
    minWidth: 0,
  },
  title: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  branch: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

/** 基本項目 > 推進項目 > ① > (1), each item with its code and 実践課. Arrow keys move, Enter/→ open. */
export function PlanTree({ plan, filter = '' }: { plan: Plan; filter?: string }) {
  const s = useStyles();
  const needle = filter.trim().toLowerCase();
  const matches = (text: string) => needle === '' || text.toLowerCase().includes(needle);
  const open: string[] = [];
  const basics = plan.basics.flatMap((b) => {
    const promotions = b.promotions.flatMap((p) => {
      const groups = p.groups.flatMap((g) => {
        const items = g.items.filter(
          (i) => matches(`${i.code} ${i.title} ${formatAssignment(i.assignment)}`) || matches(g.title),
        );
        return items.length > 0 || (needle === '' && g.items.length === 0) ? [{ g, items }] : [];
      });
      return groups.length > 0 || (needle === '' && p.groups.length === 0) ? [{ p, groups }] : [];
    });
    return promotions.length > 0 || needle === '' ? [{ b, promotions }] : [];
  });
  for (const { b, promotions } of basics) {
    open.push(`b${b.number}`);
    for (const { p, groups } of promotions) {
      open.push(`b${b.number}p${p.number}`);
      if (needle !== '' || groups.length <= 4)
        for (const { g } of groups) open.push(`b${b.number}p${p.number}g${g.number}`);
    }
  }
  return (
    <Tree key={needle} aria-label="計画の体系" defaultOpenItems={open} size="small">
      {basics.map(({ b, promotions }) => (
        <TreeItem key={b.number} itemType="branch" value={`b${b.number}`}>
          <TreeItemLayout className={s.branch}>{basicLabel(b)}</TreeItemLayout>
          <Tree>
            {promotions.map(({ p, groups }) => (
              <TreeItem key={p.number} itemType="branch" value={`b${b.number}p${p.number}`}>
                <TreeItemLayout className={s.branch}>{promotionLabel(p)}</TreeItemLayout>
                <Tree>
                  {groups.map(({ g, items }) => (
                    <TreeItem key={g.number} itemType="branch" value={`b${b.number}p${p.number}g${g.number}`}>
                      <TreeItemLayout className={s.branch}>{groupLabel(g)}</TreeItemLayout>
                      <Tree>
                        {items.map((i) => (
                          <TreeItem key={i.number} itemType="leaf" value={i.code}>
                            <TreeItemLayout>
                              <span className={s.item}>
                                <span className={s.title}>{itemLabel(i)}</span>
                                <span className={s.meta}>
                                  <Badge
                                    appearance="outline"
                                    color="informative"
                                    size="small"
                                    shape="rounded"
                                  >
                                    {i.code}
                                  </Badge>
                                  <span>{formatAssignment(i.assignment)}</span>
                                </span>
                              </span>
                            </TreeItemLayout>
                          </TreeItem>
                        ))}
                      </Tree>
                    </TreeItem>
                  ))}
                </Tree>
              </TreeItem>
            ))}
          </Tree>
        </TreeItem>
      ))}
    </Tree>
  );
}
