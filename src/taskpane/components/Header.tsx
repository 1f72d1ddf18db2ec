import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons/svg/arrow-download';
import { FolderOpenRegular } from '@fluentui/react-icons/svg/folder-open';
import { useRef } from 'react';
import type { HostMode } from '../host';
import { XLSX_ACCEPT } from './FileDrop';
import { Logo } from './Logo';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  product: {
    margin: 0,
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  latin: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  file: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // The badges keep their words on one line; the file name gives way (ellipsis).
  badge: { flexShrink: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  input: { display: 'none' },
});

/** 推進 (Suishin), the workbook or file worked on, and in file mode: open / download. */
export function Header(props: {
  mode: HostMode;
  name: string | undefined;
  busy?: boolean;
  /** File mode: the workbook has changes not downloaded yet. */
  unsaved?: boolean;
  onOpen?: (file: File) => void;
  onSave?: () => void;
}) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const name = props.name ?? (props.mode === 'excel' ? 'このブック' : 'ファイル未選択');
  return (
    <header className={s.root}>
      <Logo />
      <div className={s.titles}>
        <h1 className={s.product}>
          推進 <span className={s.latin}>Suishin</span>
        </h1>
        <span className={s.file}>
          <Badge
            className={s.badge}
            size="small"
            appearance="tint"
            color={props.mode === 'excel' ? 'success' : 'informative'}
          >
            {props.mode === 'excel' ? 'Excel' : 'ファイル'}
          </Badge>
          <span className={s.name} title={name}>
            {name}
          </span>
          {props.unsaved && (
            <Badge
              size="small"
              appearance="outline"
              color="warning"
              title="ダウンロードしていない変更があります"
              className={s.badge}
            >
              未保存
            </Badge>
          )}
        </span>
      </div>
      <div className={s.actions}>
        {props.onOpen && (
          <>
            <Button
              appearance="subtle"
              icon={<FolderOpenRegular />}
              aria-label="Excel ブック (.xlsx) を開く"
              title="Excel ブック (.xlsx) を開く"
              disabledFocusable={props.busy}
              onClick={() => input.current?.click()}
            />
            <input
              ref={input}
              className={s.input}
              type="file"
              accept={XLSX_ACCEPT}
              tabIndex={-1}
              aria-label="開くブック"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) props.onOpen?.(file);
              }}
            />
          </>
        )}
        {props.onSave && (
          <Button
            appearance="subtle"
            icon={<ArrowDownloadRegular />}
            aria-label="作業中のブックをダウンロード"
            title="作業中のブックをダウンロード"
            disabledFocusable={props.busy}
            onClick={props.onSave}
          />
        )}
      </div>
    </header>
  );
}
