import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons/svg/arrow-upload';
import { useId, useRef, useState, type DragEvent } from 'react';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'center',
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hint: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  input: { display: 'none' },
});

export const XLSX_ACCEPT = '.xlsx,.xlsm';

/** Pick files with a real button (keyboard, screen reader) or drop them on the zone. */
export function FileDrop(props: {
  buttonLabel: string;
  hint: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  inputLabel: string;
  /** The button's id: where the focus goes when what it added is removed again. */
  buttonId?: string;
}) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);
  const accept = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) props.onFiles(props.multiple ? files : files.slice(0, 1));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!props.disabled) accept(e.dataTransfer.files);
  };
  return (
    <div
      className={mergeClasses(s.zone, over && s.over)}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = props.disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Button
        id={props.buttonId}
        appearance="primary"
        icon={<ArrowUploadRegular />}
        disabledFocusable={props.disabled}
        aria-describedby={hintId}
        onClick={() => input.current?.click()}
      >
        {props.buttonLabel}
      </Button>
      <p className={s.hint} id={hintId}>
        {props.hint}
      </p>
      <input
        ref={input}
        className={s.input}
        type="file"
        accept={XLSX_ACCEPT}
        multiple={props.multiple}
        aria-label={props.inputLabel}
        tabIndex={-1}
        onChange={(e) => {
          accept(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}
