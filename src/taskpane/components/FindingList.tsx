import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { countBySeverity, type Finding } from '../../domain/finding';
import { reveal } from '../reveal';
import { SeverityBadge } from './SeverityBadge';
import { useSharedStyles } from './styles';

const WHOLE_WORKBOOK = 'ブック全体';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  groupTitle: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  counts: {
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    flexGrow: 1,
  },
  where: { color: tokens.colorNeutralForeground3 },
  /** The file above its sheet's name, when findings of several files are listed. */
  file: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
  },
  static: { cursor: 'default' },
  /** Read by a screen reader, not shown. */
  unseen: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const ARROW_HINT = '上下の矢印キーで指摘を移動し、Enter でセルを表示します。Tab で一覧の次に進みます。';

export const findingKey = (f: Finding, index: number): string =>
  `${index}:${f.place.sheet ?? ''}!${f.place.cell ?? ''}:${f.code}`;

/**
 * Findings grouped by sheet, each a button that takes the user to its cell (or, in file mode, a preview).
 * The list is one Tab stop (a roving tabindex, as WAI-ARIA's composite widgets): Tab enters at the finding
 * last focused (else the selected one, else the first), the arrow keys, Home and End move between findings,
 * and the next Tab leaves the list — a workbook with ninety findings used to take ninety Tab presses to pass.
 */
export function FindingList(props: {
  findings: readonly Finding[];
  onSelect?: (finding: Finding, key: string) => void;
  selectedKey?: string;
  /** Shown under the selected finding (the file-mode grid preview). */
  preview?: ReactNode;
  /** File mode: a finding shows its preview (and says whether it is shown: aria-expanded). */
  previews?: boolean;
  label: string;
  /** Head each sheet's group with its file too (findings of several files: 集約). */
  withFile?: boolean;
  /** The level of each sheet's heading: under the section's own heading (3), or the tab's first (2). */
  headingLevel?: 2 | 3;
}) {
  const s = useStyles();
  const shared = useSharedStyles();
  const ids = useId();
  // The finding whose preview the user closed (Esc, or the same finding pressed again); another one opens.
  const [closedKey, setClosedKey] = useState<string | undefined>(undefined);
  // The finding the keyboard was last on: the list's one Tab stop.
  const [focusedKey, setFocusedKey] = useState<string | undefined>(undefined);
  // A preview opened under the last findings is below the fold: the page scrolls it into view. A stable
  // callback, so React calls it only when a preview is mounted (opened), not on every render.
  const previewShown = useCallback((el: HTMLDivElement | null) => reveal(el), []);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const groups = new Map<string, { finding: Finding; key: string; index: number }[]>();
  props.findings.forEach((finding, i) => {
    const sheet = finding.place.sheet ?? WHOLE_WORKBOOK;
    const group =
      props.withFile && finding.place.file
        ? `「${finding.place.file}」のシート「${sheet}」`
        : `シート「${sheet}」`;
    const items = groups.get(group);
    const item = { finding, key: findingKey(finding, i), index: i };
    if (items) items.push(item);
    else groups.set(group, [item]);
  });
  const isSelectable = (finding: Finding): boolean =>
    props.onSelect !== undefined && finding.place.cell !== undefined && finding.place.sheet !== undefined;
  // The finding buttons in the order shown (groups reorder the findings by sheet).
  const order = [...groups.values()].flat().filter((i) => isSelectable(i.finding));
  const keys = order.map((i) => i.key);
  const tabStop = [focusedKey, props.selectedKey].find((k) => k !== undefined && keys.includes(k)) ?? keys[0];
  const hintId = `${ids}-hint`;
  const move = (event: KeyboardEvent, key: string) => {
    const at = keys.indexOf(key);
    const to =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, keys.length - 1)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? keys.length - 1
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    document.getElementById(`${ids}-finding-${order[to]!.index}`)?.focus();
  };
  return (
    <div
      className={shared.section}
      aria-label={props.label}
      role="region"
      {...(keys.length > 1 && { 'aria-describedby': hintId })}
    >
      {keys.length > 1 && (
        <span id={hintId} className={s.unseen}>
          {ARROW_HINT}
        </span>
      )}
      {[...groups].map(([group, items]) => {
        const counts = countBySeverity(items.map((i) => i.finding));
        const summary = [
          counts.error && `エラー ${counts.error}`,
          counts.warning && `警告 ${counts.warning}`,
          counts.info && `情報 ${counts.info}`,
        ]
          .filter(Boolean)
          .join('・');
        return (
          <section key={group} className={s.group} aria-label={group}>
            <Heading className={s.groupTitle}>
              <span className={shared.grow}>
                {props.withFile && items[0]?.finding.place.file && (
                  <span className={s.file}>{items[0].finding.place.file}</span>
                )}
                {items[0]?.finding.place.sheet ?? WHOLE_WORKBOOK}
              </span>
              <span className={s.counts}>{summary}</span>
            </Heading>
            <ul className={shared.list}>
              {items.map(({ finding, key, index }) => {
                const selectable = isSelectable(finding);
                const where = [finding.place.cell && `セル ${finding.place.cell}`, finding.place.code]
                  .filter(Boolean)
                  .join('・');
                const content = (
                  <>
                    <SeverityBadge severity={finding.severity} />
                    <span className={s.body}>
                      <span>{finding.message}</span>
                      {where && (
                        <Text size={200} className={s.where}>
                          {where}
                        </Text>
                      )}
                    </span>
                  </>
                );
                const selected = props.selectedKey === key;
                // File mode: the finding's button shows and hides the sheet around its cell, right below it.
                const expanded = selected && closedKey !== key && Boolean(props.preview);
                const buttonId = `${ids}-finding-${index}`;
                const previewId = `${ids}-preview-${index}`;
                const close = (event: KeyboardEvent) => {
                  if (event.key !== 'Escape' || !expanded) return;
                  event.preventDefault();
                  event.stopPropagation();
                  setClosedKey(key);
                  // From inside the preview (it goes): back to the finding that opened it.
                  document.getElementById(buttonId)?.focus();
                };
                return (
                  <li key={key}>
                    {selectable ? (
                      <button
                        type="button"
                        id={buttonId}
                        className={mergeClasses(shared.rowButton, selected && shared.rowButtonSelected)}
                        aria-current={selected ? 'true' : undefined}
                        tabIndex={key === tabStop ? 0 : -1}
                        onFocus={() => setFocusedKey(key)}
                        {...(props.previews && {
                          'aria-expanded': expanded,
                          ...(expanded && { 'aria-controls': previewId }),
                        })}
                        onClick={() => {
                          if (expanded) return setClosedKey(key);
                          setClosedKey(undefined);
                          props.onSelect?.(finding, key);
                        }}
                        onKeyDown={(event) => {
                          close(event);
                          move(event, key);
                        }}
                      >
                        {content}
                      </button>
                    ) : (
                      <div className={mergeClasses(shared.rowButton, s.static)}>{content}</div>
                    )}
                    {expanded && (
                      <div id={previewId} ref={previewShown} onKeyDown={close}>
                        {props.preview}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
