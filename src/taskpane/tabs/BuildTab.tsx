import { Button, Checkbox, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular } from '@fluentui/react-icons/svg/document-table';
import type { Dispatch, ReactNode } from 'react';
import { itemsForDepartment } from '../../domain/plan/planItems';
import type { Plan } from '../../domain/plan/types';
import { PlanBlocked } from '../components/PlanBlocked';
import { PlanFirst } from '../components/PlanFirst';
import { OperationStatus } from '../components/OperationStatus';
import { FiscalYearSelect } from '../components/Selects';
import { useSharedStyles } from '../components/styles';
import type { OperationState } from '../hooks/useOperation';
import type { BuildForm, BuildFormAction, BuildTarget } from './useBuildTab';

const TARGET_LABELS: Readonly<Record<BuildTarget, string>> = {
  'this-workbook': 'このブックにシートを追加',
  'new-workbooks': '課ごとに新しいブックを作成（Excel で開く）',
  'download-each': '課ごとのブック (.xlsx) をダウンロード',
  'download-zip': '課ごとのブックを .zip にまとめてダウンロード',
};

const useStyles = makeStyles({
  departments: {
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} 0`,
    margin: 0,
    minWidth: 0,
  },
  legend: { padding: 0 },
  count: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
});

export interface BuildTabProps {
  readonly plan: Plan | undefined;
  readonly around: number;
  /** The 体系's own year, offered in the year list. */
  readonly planYear?: number;
  readonly form: BuildForm;
  readonly departments: readonly string[];
  readonly dispatch: Dispatch<BuildFormAction>;
  readonly targets: readonly BuildTarget[];
  /** Which form the sheets follow, in one sentence. */
  readonly formNote?: string;
  readonly state: OperationState;
  readonly onBuild: () => void;
  readonly onGoToPlan: () => void;
  /** An error in the 体系 or 様式 (planErrorPart): no sheets until it is fixed. */
  readonly planError?: '体系' | '様式';
  /** What follows the build (引継ぎ: from last year's master, with or without a 体系 open). */
  readonly children?: ReactNode;
}

/** シート作成: 年度, departments, where to put the sheets; then one button. */
export function BuildTab(props: BuildTabProps) {
  const shared = useSharedStyles();
  const s = useStyles();
  const { plan, form, dispatch } = props;
  if (!plan || plan.departments.length === 0)
    return (
      <div className={shared.tab}>
        <PlanFirst onGoToPlan={props.onGoToPlan}>
          シートは体系の取組項目と実践課から作成します。体系タブで体系のあるブックを開くか、サンプルを挿入してください。
        </PlanFirst>
        {props.children}
      </div>
    );
  if (props.planError)
    return (
      <div className={shared.tab}>
        <PlanBlocked
          part={props.planError}
          action="シートは作成できません"
          why="誤りのある行を除いたまま作ると、その取組項目や項目のないブックを配ることになるためです"
          onGoToPlan={props.onGoToPlan}
        />
        {props.children}
      </div>
    );
  const running = props.state.phase === 'running';
  const chosen = props.departments;
  // Each department workbook starts with its 目次; in one shared workbook only a single department's is kept.
  const tocs = form.target === 'this-workbook' ? (chosen.length === 1 ? 1 : 0) : chosen.length;
  const sheets = chosen.reduce((n, d) => n + itemsForDepartment(plan, d).length, 0) + tocs;
  return (
    <div className={shared.tab}>
      <FiscalYearSelect
        value={form.fiscalYear}
        around={props.around}
        planYear={props.planYear}
        disabled={running}
        onChange={(fiscalYear) => dispatch({ type: 'year', fiscalYear })}
        hint="4月から翌年3月まで"
      />
      <fieldset className={s.departments}>
        <legend className={shared.sectionTitle}>
          実践課（{chosen.length} / {plan.departments.length}）
        </legend>
        <div className={shared.row}>
          <Button
            size="small"
            appearance="subtle"
            disabled={running}
            onClick={() => dispatch({ type: 'all' })}
          >
            すべて選択
          </Button>
          <Button
            size="small"
            appearance="subtle"
            disabled={running}
            onClick={() => dispatch({ type: 'none', departments: plan.departments })}
          >
            すべて解除
          </Button>
        </div>
        {plan.departments.map((d) => (
          <Checkbox
            key={d}
            disabled={running}
            checked={chosen.includes(d)}
            onChange={(_, data) => dispatch({ type: 'toggle', department: d, on: data.checked === true })}
            label={
              <>
                {d}
                <span className={s.count}>{itemsForDepartment(plan, d).length} 項目</span>
              </>
            }
          />
        ))}
      </fieldset>
      <Field label="作成先">
        <RadioGroup
          value={form.target}
          disabled={running}
          onChange={(_, d) => dispatch({ type: 'target', target: d.value as BuildTarget })}
        >
          {props.targets.map((t) => (
            <Radio key={t} value={t} label={TARGET_LABELS[t]} />
          ))}
        </RadioGroup>
      </Field>
      {props.formNote && <span className={shared.hint}>{props.formNote}</span>}
      <Button
        appearance="primary"
        icon={<DocumentTableRegular />}
        disabled={!running && (chosen.length === 0 || props.targets.length === 0)}
        disabledFocusable={running}
        onClick={props.onBuild}
      >
        {chosen.length === 0 ? '課を選んでください' : `シートを作成（${chosen.length} 課・${sheets} シート）`}
      </Button>
      <OperationStatus state={props.state} />
      {props.children}
    </div>
  );
}
