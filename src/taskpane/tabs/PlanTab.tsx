import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { DocumentAddRegular } from '@fluentui/react-icons/svg/document-add';
import { SparkleRegular } from '@fluentui/react-icons/svg/sparkle';
import { CheckmarkCircleRegular } from '@fluentui/react-icons/svg/checkmark-circle';
import { TextBulletListTreeRegular } from '@fluentui/react-icons/svg/text-bullet-list-tree';
import { useState } from 'react';
import type { Finding } from '../../domain/finding';
import { EmptyState } from '../components/EmptyState';
import { FileDrop } from '../components/FileDrop';
import { LazyOperationStatus } from '../components/LazyOperationStatus';
import { useSharedStyles } from '../components/styles';
import type { CellSelection } from '../hooks/useCellSelection';
import type { OperationState } from '../hooks/useOperation';
import type { PlanState } from '../hooks/useWorkbookPlan';
import type { HostMode } from '../host';
import { focusWhenShown } from '../focus';
import { PLAN_HEADING_ID, PlanView } from './panels';
import { SAMPLE_CHOICES } from './usePlanTab';

const GO_TO_VALIDATE_ID = 'plan-go-to-validate';

export interface PlanTabProps {
  readonly mode: HostMode;
  readonly plan: PlanState;
  readonly busy: boolean;
  readonly insertState: OperationState;
  readonly selection: CellSelection | undefined;
  readonly selectionError: string | undefined;
  readonly onReload: () => void;
  readonly onOpenFile?: (file: File) => void;
  /** Insert the built-in sample with this id (SAMPLE_CHOICES). */
  readonly onInsertSample: (id: string) => void;
  readonly onInsertTemplate: () => void;
  readonly onInsertForm: () => void;
  readonly onSelectFinding: (finding: Finding, key: string) => void;
  /** Show the 検証 tab: what a department that opened its own workbook (no 体系 in it) came for. */
  readonly onGoToValidate: () => void;
}

/**
 * 体系: the plan read from this workbook — counts, problems (with the cell to fix), and the tree (PlanView,
 * its own chunk). Before a workbook is open this is the first screen, so it stays light.
 */
export function PlanTab(props: PlanTabProps) {
  const shared = useSharedStyles();
  // The search text outlives the view: 再読み込み shows the tree again with the same filter.
  const [filter, setFilter] = useState('');
  // After an insert or opening a workbook here, the view that replaces the empty state takes the focus (the
  // button pressed goes away with it): the 体系's heading, or for a department's workbook the way to 検証.
  const focusWhatOpened = () =>
    focusWhenShown(
      () => document.getElementById(PLAN_HEADING_ID) ?? document.getElementById(GO_TO_VALIDATE_ID),
    );
  // A department's own workbook has no 体系 either: then checking it comes first, not a sample plan.
  const forDepartment = props.plan.status === 'missing';
  const insertButtons = (
    <>
      {SAMPLE_CHOICES.map((sample, i) => (
        <Button
          key={sample.id}
          appearance={i === 0 && !forDepartment ? 'primary' : 'secondary'}
          icon={<SparkleRegular />}
          disabledFocusable={props.busy}
          onClick={() => {
            focusWhatOpened();
            props.onInsertSample(sample.id);
          }}
        >
          {sample.label}
        </Button>
      ))}
      <Button
        icon={<DocumentAddRegular />}
        disabledFocusable={props.busy}
        onClick={() => {
          focusWhatOpened();
          props.onInsertTemplate();
        }}
      >
        空の体系を挿入
      </Button>
    </>
  );

  const body = (() => {
    switch (props.plan.status) {
      case 'no-workbook':
        return (
          <>
            <EmptyState icon={<TextBulletListTreeRegular />} title="ブックを開いてください">
              総務課の全体計画ブック（「体系」シートのある .xlsx）を開くか、サンプルで始めます。
            </EmptyState>
            {props.onOpenFile && (
              <FileDrop
                buttonLabel="ブックを開く"
                hint="ここに .xlsx ファイルをドロップすることもできます"
                inputLabel="開くブック"
                disabled={props.busy}
                onFiles={(files) => {
                  if (!files[0] || !props.onOpenFile) return;
                  focusWhatOpened();
                  props.onOpenFile(files[0]);
                }}
              />
            )}
            <div className={shared.section}>
              <h2 className={shared.sectionTitle}>ブックがないときは</h2>
              {insertButtons}
            </div>
          </>
        );
      case 'loading':
        return <Spinner size="small" label="体系を読み込んでいます…" />;
      case 'failed':
        return (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{props.plan.message}</MessageBarBody>
          </MessageBar>
        );
      case 'missing':
        return (
          <>
            <EmptyState
              icon={<TextBulletListTreeRegular />}
              title="このブックに体系がありません"
              actions={
                <Button
                  id={GO_TO_VALIDATE_ID}
                  appearance="primary"
                  icon={<CheckmarkCircleRegular />}
                  onClick={props.onGoToValidate}
                >
                  検証タブで記入を確認する
                </Button>
              }
            >
              課で記入するブックなら、体系は要りません。記入したシートは［検証］タブで確認できます。
            </EmptyState>
            <div className={shared.section}>
              <h2 className={shared.sectionTitle}>総務課が体系を作るときは</h2>
              <p className={shared.hint}>
                「基本項目・推進項目・取組項目・実践課【とりまとめ課】」の見出しがある表が見つかりませんでした。サンプルか空の体系を挿入して、表を入力してください。
              </p>
              {insertButtons}
            </div>
          </>
        );
      case 'found':
        return (
          <PlanView
            mode={props.mode}
            reading={props.plan.reading}
            busy={props.busy}
            selection={props.selection}
            selectionError={props.selectionError}
            onReload={props.onReload}
            onSelectFinding={props.onSelectFinding}
            onInsertForm={props.onInsertForm}
            filter={filter}
            onFilter={setFilter}
          />
        );
    }
  })();

  return (
    <div className={shared.tab}>
      {body}
      <LazyOperationStatus state={props.insertState} />
    </div>
  );
}
