import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons/svg/checkmark-circle';
import { EraserRegular } from '@fluentui/react-icons/svg/eraser';
import { HighlightRegular } from '@fluentui/react-icons/svg/highlight';
import { ShieldTaskRegular } from '@fluentui/react-icons/svg/shield-task';
import type { ValidationResult } from '../../app/validateWorkbook';
import type { FormDefinition, Stage } from '../../domain/entry/formDefinition';
import type { Finding } from '../../domain/finding';
import { EmptyState } from '../components/EmptyState';
import { FindingList } from '../components/FindingList';
import { GridPreview } from '../components/GridPreview';
import { OperationStatus } from '../components/OperationStatus';
import { StageSelect } from '../components/Selects';
import { StatTiles } from '../components/StatTiles';
import { useSharedStyles } from '../components/styles';
import type { CellSelection } from '../hooks/useCellSelection';
import type { OperationState } from '../hooks/useOperation';
import type { HostMode } from '../host';

const useStyles = makeStyles({
  // Side by side, each as wide as its label needs (at 320 px a 50/50 grid broke 「セルに色を付ける」 in two).
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    '& > *': { flexGrow: 1 },
  },
});

export interface ValidateTabProps {
  readonly mode: HostMode;
  /** The workbook's 様式: the stage hint names its fields. */
  readonly form?: FormDefinition;
  readonly hasWorkbook: boolean;
  readonly stage: Stage;
  readonly onStage: (stage: Stage) => void;
  readonly result: ValidationResult | undefined;
  readonly stale: boolean;
  readonly state: OperationState;
  readonly markState: OperationState;
  readonly selection: CellSelection | undefined;
  readonly selectionError: string | undefined;
  readonly onValidate: () => void;
  readonly onMark: () => void;
  readonly onClear: () => void;
  readonly onSelectFinding: (finding: Finding, key: string) => void;
  readonly onGoToPlan: () => void;
}

/** 検証: the stage, one button, a summary, and findings by sheet that lead to their cells. */
export function ValidateTab(props: ValidateTabProps) {
  const shared = useSharedStyles();
  const s = useStyles();
  if (!props.hasWorkbook)
    return (
      <div className={shared.tab}>
        <EmptyState
          icon={<ShieldTaskRegular />}
          title="検証するブックを開いてください"
          actions={
            <Button appearance="primary" onClick={props.onGoToPlan}>
              体系タブでブックを開く
            </Button>
          }
        >
          各課が記入した取組項目シートのブックを開くと、記入漏れや選択肢の誤りを確認できます。
        </EmptyState>
      </div>
    );
  const running = props.state.phase === 'running' || props.markState.phase === 'running';
  const r = props.result;
  return (
    <div className={shared.tab}>
      <StageSelect
        value={props.stage}
        disabled={running}
        onChange={props.onStage}
        {...(props.form && { form: props.form })}
      />
      <Button
        appearance="primary"
        icon={<CheckmarkCircleRegular />}
        disabledFocusable={running}
        onClick={props.onValidate}
      >
        このブックを検証
      </Button>
      <OperationStatus state={props.state} />
      {!r && props.state.phase === 'idle' && (
        <span className={shared.hint}>
          時期を選んで「このブックを検証」を押すと、すべての取組項目シートを確認します。ブックは変更しません。
        </span>
      )}
      {r && (
        <>
          {props.stale && (
            <MessageBar intent="warning">
              <MessageBarBody>
                ブックが変わりました。もう一度検証すると最新の結果になります（セルに色を付けるのも、検証し直してから）。
              </MessageBarBody>
            </MessageBar>
          )}
          {r.summary.entries > 0 && (
            <StatTiles
              label="検証の結果"
              stats={[
                { label: '記入', value: r.summary.entries },
                { label: '完了', value: r.summary.complete, tone: 'success' },
                { label: 'エラー', value: r.summary.errors, tone: 'danger' },
                { label: '警告', value: r.summary.warnings, tone: 'warning' },
              ]}
            />
          )}
          {r.findings.length > 0 && (
            <>
              {r.summary.entries > 0 && (
                <div className={s.actions}>
                  <Button
                    icon={<HighlightRegular />}
                    disabled={props.stale && !running}
                    disabledFocusable={running}
                    onClick={props.onMark}
                  >
                    セルに色を付ける
                  </Button>
                  <Button icon={<EraserRegular />} disabledFocusable={running} onClick={props.onClear}>
                    色を消す
                  </Button>
                </div>
              )}
              <OperationStatus state={props.markState} />
              <span className={shared.hint}>
                {props.mode === 'excel'
                  ? 'クリックすると、そのセルを選択します。'
                  : 'クリックすると、そのセルの周りを表示します。'}
              </span>
              <FindingList
                label="検証の指摘"
                findings={r.findings}
                onSelect={props.onSelectFinding}
                selectedKey={props.selection?.key}
                previews={props.mode === 'file'}
                headingLevel={2}
                preview={
                  props.selection?.snapshot && (
                    <GridPreview sheet={props.selection.snapshot} cell={props.selection.cell} />
                  )
                }
              />
              {props.selectionError && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{props.selectionError}</MessageBarBody>
                </MessageBar>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
