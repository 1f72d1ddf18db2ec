import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { DocumentRegular } from '@fluentui/react-icons/svg/document';
import { FILE_STATUS_LABELS, type FileStatus, type PickedFile } from './pickedFiles';

const STATUS_COLORS: Readonly<
  Record<FileStatus, 'subtle' | 'informative' | 'brand' | 'success' | 'warning' | 'danger'>
> = {
  waiting: 'subtle',
  reading: 'brand',
  read: 'informative',
  done: 'success',
  check: 'warning',
  error: 'danger',
};

const useStyles = makeStyles({
  file: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  badge: { flexShrink: 0, whiteSpace: 'nowrap', marginTop: '2px' },
  fileIcon: { flexShrink: 0, marginTop: '2px', color: tokens.colorNeutralForeground3 },
  fileBody: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    flexGrow: 1,
    minWidth: 0,
    fontSize: tokens.fontSizeBase200,
  },
  fileName: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  /** A name, size or time breaks only between parts, never inside one (`13:03 更` / `新`). */
  part: { whiteSpace: 'nowrap' },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  errorNote: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  warningNote: { color: tokens.colorStatusWarningForeground1, overflowWrap: 'anywhere' },
});

/** Each row's 「外す」 button, for the focus to move to the next one (focusAfterRemoval). */
export const REMOVE_SELECTOR = 'button[data-remove-file]';

/** `12.3 KB`: enough to tell two files of one name apart. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `2021/03/31 09:05` in local time. */
export function formatModified(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${two(d.getMonth() + 1)}/${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** One picked file: what it is called in the 集約ログ, what tells it apart, and what came of it. */
export function PickedFileRow({
  file: f,
  disabled,
  onRemove,
}: {
  file: PickedFile;
  disabled: boolean;
  onRemove: (id: string) => void;
}) {
  const s = useStyles();
  const o = f.outcome;
  const renamed = f.label !== f.picked.path;
  const parts = [
    ...(renamed ? [`元の名前 ${f.picked.path}`] : []),
    formatSize(f.picked.size),
    `${formatModified(f.picked.modified)} 更新`,
  ];
  const findings =
    o && o.errors + o.warnings > 0 ? `エラー ${o.errors} 件・警告 ${o.warnings} 件` : undefined;
  return (
    <li className={s.file}>
      <DocumentRegular className={s.fileIcon} aria-hidden="true" />
      <span className={s.fileBody}>
        <span className={s.fileName}>{f.label}</span>
        <span className={s.meta}>
          {parts.map((part, i) => (
            <span key={part} className={renamed && i === 0 ? undefined : s.part}>
              {part}
              {i < parts.length - 1 && '・'}
            </span>
          ))}
        </span>
        {f.status === 'error' && f.note && <span className={s.errorNote}>{f.note}</span>}
        {o && f.status !== 'error' && (
          <span className={s.note}>
            {`${o.taken} シートを集約${o.others.length > 0 ? `（${o.others.map((x) => `${x.label} ${x.count}`).join('、')}）` : ''}`}
            {o.blankRequired !== undefined &&
              `。記入が必要なシート ${o.blankRequired} 枚が空欄です（未提出の扱い）`}
          </span>
        )}
        {o && findings && <span className={o.errors > 0 ? s.errorNote : s.warningNote}>{findings}</span>}
      </span>
      <Badge appearance="tint" size="small" color={STATUS_COLORS[f.status]} className={s.badge}>
        {FILE_STATUS_LABELS[f.status]}
      </Badge>
      <Button
        size="small"
        appearance="subtle"
        icon={<DeleteRegular />}
        aria-label={`${f.label} を外す`}
        data-remove-file=""
        disabled={disabled}
        onClick={() => onRemove(f.id)}
      />
    </li>
  );
}
