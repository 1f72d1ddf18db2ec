import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { DocumentAddRegular } from '@fluentui/react-icons/svg/document-add';
import { SearchRegular } from '@fluentui/react-icons/svg/search';
import { SparkleRegular } from '@fluentui/react-icons/svg/sparkle';
import { TextBulletListTreeRegular } from '@fluentui/react-icons/svg/text-bullet-list-tree';
import { useRef, useState } from 'react';
import type { Finding } from '../../domain/finding';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { planCounts } from '../../domain/plan/planItems';
import { EmptyState } from '../components/EmptyState';
import { FileDrop } from '../components/FileDrop';
import { FindingList } from '../components/FindingList';
import { GridPreview } from '../components/GridPreview';
import { OperationStatus } from '../components/OperationStatus';
import { PlanTree } from '../components/PlanTree';
import { StatTiles } from '../components/StatTiles';
import { useSharedStyles } from '../components/styles';
import type { CellSelection } from '../hooks/useCellSelection';
import type { OperationState } from '../hooks/useOperation';
import type { PlanState } from '../hooks/useWorkbookPlan';
import type { HostMode } from '../host';
import { onEnter } from '../keyboard';

const useStyles = makeStyles({
  headRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  tree: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface PlanTabProps {
  readonly mode: HostMode;
  readonly plan: PlanState;
  readonly busy: boolean;
  readonly insertState: OperationState;
  readonly selection: CellSelection | undefined;
  readonly selectionError: string | undefined;
  readonly onReload: () => void;
  readonly onOpenFile?: (file: File) => void;
  readonly onInsertSample: () => void;
  readonly onInsertTemplate: () => void;
  readonly onSelectFinding: (finding: Finding, key: string) => void;
}

/** 体系: the plan read from this workbook — counts, problems (with the cell to fix), and the tree. */
export function PlanTab(props: PlanTabProps) {
  const shared = useSharedStyles();
  const s = useStyles();
  const [filter, setFilter] = useState('');
  const treeRef = useRef<HTMLDivElement>(null);
  const insertButtons = (
    <>
      <Button
        appearance="primary"
        icon={<SparkleRegular />}
        disabled={props.busy}
        onClick={props.onInsertSample}
      >
        サンプル（R2 上富良野町）を挿入
      </Button>
      <Button icon={<DocumentAddRegular />} disabled={props.busy} onClick={props.onInsertTemplate}>
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
                onFiles={(files) => files[0] && props.onOpenFile?.(files[0])}
              />
            )}
            <div className={shared.section}>
              <h3 className={shared.sectionTitle}>ブックがないときは</h3>
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
          <EmptyState
            icon={<TextBulletListTreeRegular />}
            title="このブックに体系がありません"
            actions={insertButtons}
          >
            「基本項目・推進項目・取組項目・実践課【とりまとめ課】」の見出しがある表が見つかりませんでした。サンプルか空の体系を挿入して、表を入力してください。
          </EmptyState>
        );
      case 'found': {
        const { reading } = props.plan;
        const c = planCounts(reading.plan);
        const problems = reading.findings;
        return (
          <>
            <div className={shared.section}>
              <div className={s.headRow}>
                <h3 className={shared.sectionTitle}>
                  シート「{reading.sheet}」
                  {reading.fiscalYear !== undefined && `・${formatFiscalYear(reading.fiscalYear)}`}
                </h3>
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<ArrowClockwiseRegular />}
                  disabled={props.busy}
                  onClick={props.onReload}
                >
                  再読み込み
                </Button>
              </div>
              <StatTiles
                label="体系の件数"
                columns={3}
                stats={[
                  { label: '基本項目', value: c.basics },
                  { label: '推進項目', value: c.promotions },
                  { label: '取組項目 ①', value: c.groups },
                  { label: '取組項目', value: c.items },
                  { label: '実践課', value: c.departments },
                  { label: 'シート', value: c.assignees },
                ]}
              />
            </div>
            <div className={shared.section}>
              <h3 className={shared.sectionTitle}>
                問題 {problems.length > 0 ? `（${problems.length} 件）` : ''}
              </h3>
              {problems.length === 0 ? (
                <MessageBar intent="success">
                  <MessageBarBody>
                    問題はありません。「シート作成」タブで課ごとのシートを作成できます。
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <>
                  <span className={shared.hint}>
                    {props.mode === 'excel'
                      ? 'クリックすると、直すセルを選択します。直したら「再読み込み」を押してください。'
                      : 'クリックすると、直すセルの周りを表示します。'}
                  </span>
                  <FindingList
                    label="体系の問題"
                    findings={problems}
                    onSelect={props.onSelectFinding}
                    selectedKey={props.selection?.key}
                    preview={
                      props.selection?.snapshot && (
                        <GridPreview sheet={props.selection.snapshot} cell={props.selection.cell} />
                      )
                    }
                  />
                </>
              )}
              {props.selectionError && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{props.selectionError}</MessageBarBody>
                </MessageBar>
              )}
            </div>
            <div className={shared.section}>
              <h3 className={shared.sectionTitle}>計画の体系</h3>
              {c.items === 0 ? (
                <span className={shared.hint}>
                  取組項目がまだありません。体系シートの表に行を入力して「再読み込み」を押してください。
                </span>
              ) : (
                <>
                  <Field
                    label="取組項目を検索"
                    hint="名前・コード・実践課で絞り込みます（Enter で一覧へ移動）"
                  >
                    <Input
                      contentBefore={<SearchRegular />}
                      value={filter}
                      onChange={(_, d) => setFilter(d.value)}
                      onKeyDown={onEnter(() =>
                        treeRef.current?.querySelector<HTMLElement>('[role="treeitem"]')?.focus(),
                      )}
                    />
                  </Field>
                  <div ref={treeRef} className={s.tree}>
                    <PlanTree plan={reading.plan} filter={filter} />
                  </div>
                </>
              )}
            </div>
          </>
        );
      }
    }
  })();

  return (
    <div className={shared.tab}>
      {body}
      <OperationStatus state={props.insertState} />
    </div>
  );
}
