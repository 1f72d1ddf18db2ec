import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { SearchRegular } from '@fluentui/react-icons/svg/search';
import { useRef } from 'react';
import { STANDARD_FORM } from '../../domain/entry/formDefinition';
import { hasErrors, type Finding } from '../../domain/finding';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { planCounts } from '../../domain/plan/planItems';
import { FormSection } from '../components/FormSection';
import { CellFindings } from '../components/CellFindings';
import { PlanTree } from '../components/PlanTree';
import { StatTiles } from '../components/StatTiles';
import { useSharedStyles } from '../components/styles';
import type { CellSelection } from '../hooks/useCellSelection';
import type { HostMode } from '../host';
import { onEnter } from '../keyboard';
import type { WorkbookPlan } from '../workbookPlan';
import { PLAN_HEADING_ID } from './panels';

const useStyles = makeStyles({
  headRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  tree: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface PlanViewProps {
  readonly mode: HostMode;
  readonly reading: WorkbookPlan;
  readonly busy: boolean;
  readonly selection: CellSelection | undefined;
  readonly selectionError: string | undefined;
  readonly onReload: () => void;
  readonly onSelectFinding: (finding: Finding, key: string) => void;
  /** 「様式を挿入」 (shown while the workbook has no 様式 sheet). */
  readonly onInsertForm?: () => void;
  /** The search text: kept by the 体系 tab, so that 再読み込み does not clear it. */
  readonly filter: string;
  readonly onFilter: (filter: string) => void;
}

/**
 * The 体系 found in this workbook: counts, problems (with the cell to fix), the 様式 the sheets are built with,
 * and the tree (its own chunk).
 */
export function PlanView(props: PlanViewProps) {
  const shared = useSharedStyles();
  const s = useStyles();
  const treeRef = useRef<HTMLDivElement>(null);
  const { reading } = props;
  const c = planCounts(reading.plan);
  const problems = reading.findings;
  return (
    <>
      <div className={shared.section}>
        <div className={s.headRow}>
          <h2 className={shared.sectionTitle} id={PLAN_HEADING_ID} tabIndex={-1}>
            シート「{reading.sheet}」
            {reading.fiscalYear !== undefined && `・${formatFiscalYear(reading.fiscalYear)}`}
          </h2>
          <Button
            appearance="subtle"
            size="small"
            icon={<ArrowClockwiseRegular />}
            disabledFocusable={props.busy}
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
        <h2 className={shared.sectionTitle}>問題 {problems.length > 0 ? `（${problems.length} 件）` : ''}</h2>
        {problems.length === 0 ? (
          <MessageBar intent="success">
            <MessageBarBody>
              {hasErrors(reading.formFindings)
                ? '体系に問題はありません。下の様式のエラーを直すと、シートを作成できます。'
                : '問題はありません。「シート作成」タブで課ごとのシートを作成できます。'}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <CellFindings
              label="体系の問題"
              findings={problems}
              mode={props.mode}
              excelNote="直したら「再読み込み」を押してください。"
              selection={props.selection}
              onSelectFinding={props.onSelectFinding}
            />
          </>
        )}
        {props.selectionError && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{props.selectionError}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <FormSection
        mode={props.mode}
        // As formOf (src/app/openPlan.ts): the 様式's form, else the built-in R2 form.
        form={reading.form ?? STANDARD_FORM}
        sheet={reading.formSheet}
        findings={reading.formFindings}
        busy={props.busy}
        selection={props.selection}
        onSelectFinding={props.onSelectFinding}
        {...(props.onInsertForm && { onInsertForm: props.onInsertForm })}
      />
      <div className={shared.section}>
        <h2 className={shared.sectionTitle}>計画の体系</h2>
        {c.items === 0 ? (
          <span className={shared.hint}>
            取組項目がまだありません。体系シートの表に行を入力して「再読み込み」を押してください。
          </span>
        ) : (
          <>
            <Field label="取組項目を検索" hint="名前・コード・実践課で絞り込みます（Enter で一覧へ移動）">
              <Input
                contentBefore={<SearchRegular />}
                value={props.filter}
                onChange={(_, d) => props.onFilter(d.value)}
                onKeyDown={onEnter(() =>
                  treeRef.current?.querySelector<HTMLElement>('[role="treeitem"]')?.focus(),
                )}
              />
            </Field>
            <div ref={treeRef} className={s.tree}>
              <PlanTree plan={reading.plan} filter={props.filter} />
            </div>
          </>
        )}
      </div>
    </>
  );
}
