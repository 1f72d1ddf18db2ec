import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { HistoryRegular } from '@fluentui/react-icons/svg/history';
import { useId, useRef } from 'react';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { OperationStatus } from '../components/OperationStatus';
import { XLSX_ACCEPT } from '../components/FileDrop';
import { useSharedStyles } from '../components/styles';
import { focusAfterRemoval } from '../focus';
import type { OperationState } from '../hooks/useOperation';
import type { PastMaster } from './usePastMasters';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  body: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  input: { display: 'none' },
});

/**
 * 「過去の集約ファイルを追加」: past years' masters for the 推移 sheet (as `consolidate --history`), each with
 * its year and rows, or why it cannot be used.
 */
export function PastMasters(props: {
  masters: readonly PastMaster[];
  state: OperationState;
  disabled: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
}) {
  const shared = useSharedStyles();
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const addId = useId();
  const list = useRef<HTMLUListElement>(null);
  // The row's button goes with it: the next row's 「外す」 takes the focus, else 「過去の集約ファイルを追加」.
  const remove = (id: string) => {
    focusAfterRemoval(
      list.current,
      'button[data-remove-master]',
      props.masters.findIndex((m) => m.id === id),
      () => document.getElementById(addId),
    );
    props.onRemove(id);
  };
  return (
    <section className={shared.section} aria-label="過去の集約ファイル（推移）">
      <h2 className={shared.sectionTitle}>過去の集約ファイル（推移）</h2>
      <p className={shared.hint} id={hintId}>
        前の年度に集約した全体計画のブックを追加すると、「推移」シートに年度ごと・推進項目ごとの集計と取組項目ごとの推移を書き、前年度の文のままの欄を指摘します。
      </p>
      <div className={shared.row}>
        <Button
          id={addId}
          icon={<HistoryRegular />}
          disabledFocusable={props.disabled}
          aria-describedby={hintId}
          onClick={() => input.current?.click()}
        >
          過去の集約ファイルを追加
        </Button>
      </div>
      <input
        ref={input}
        className={s.input}
        type="file"
        accept={XLSX_ACCEPT}
        multiple
        aria-label="過去の集約ファイル"
        tabIndex={-1}
        onChange={(e) => {
          const files = e.target.files ? Array.from(e.target.files) : [];
          if (files.length > 0) props.onAdd(files);
          e.target.value = '';
        }}
      />
      <OperationStatus state={props.state.phase === 'failed' ? props.state : { phase: 'idle' }} />
      {props.masters.length > 0 && (
        <ul className={shared.list} ref={list}>
          {props.masters.map((m) => (
            <li key={m.id} className={s.item}>
              <span className={s.body}>
                <span>{m.name}</span>
                {m.year ? (
                  <span className={s.note}>
                    {`${formatFiscalYear(m.year.fiscalYear)}・全体計画 ${m.year.rows.length} 行`}
                  </span>
                ) : (
                  <span className={s.error}>{m.error}</span>
                )}
              </span>
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`${m.name} を外す`}
                data-remove-master=""
                disabled={props.disabled}
                onClick={() => remove(m.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
