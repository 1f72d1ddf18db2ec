import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons/svg/arrow-download';
import { DataBarVerticalRegular } from '@fluentui/react-icons/svg/data-bar-vertical';
import type { ConsolidateResult } from '../../app/consolidate';
import type { Stage } from '../../domain/entry/formDefinition';
import { AchievementBars } from '../components/AchievementBars';
import { PlanFirst } from '../components/PlanFirst';
import { FileDrop } from '../components/FileDrop';
import { OperationStatus } from '../components/OperationStatus';
import { FiscalYearSelect, StageSelect } from '../components/Selects';
import { StatTiles } from '../components/StatTiles';
import { useSharedStyles } from '../components/styles';
import type { OperationState } from '../hooks/useOperation';
import type { HostMode } from '../host';
import { consolidationCounts, WRONG_YEAR_LABEL } from './consolidationCounts';
import { PickedFileRow } from './PickedFileRow';
import type { PickedFile } from './pickedFiles';
import { yearNote } from './useConsolidateTab';

const useStyles = makeStyles({
  two: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  missing: {
    fontSize: tokens.fontSizeBase200,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  target: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
});

export interface ConsolidateTabProps {
  readonly mode: HostMode;
  readonly hasPlan: boolean;
  readonly targetName: string | undefined;
  readonly files: readonly PickedFile[];
  readonly stage: Stage;
  readonly fiscalYear: number;
  readonly around: number;
  /** The 体系's own year: the year list starts there. */
  readonly planYear?: number | undefined;
  readonly result: ConsolidateResult | undefined;
  readonly state: OperationState;
  readonly readState: OperationState;
  readonly onFiles: (files: File[]) => void;
  readonly onRemove: (id: string) => void;
  readonly onClear: () => void;
  readonly onStage: (stage: Stage) => void;
  readonly onFiscalYear: (year: number) => void;
  readonly onRun: () => void;
  readonly onDownloadMaster?: () => void;
  readonly onDownloadReport?: () => void;
  readonly onGoToPlan: () => void;
}

/** 集約: pick the departments' files, consolidate into 全体計画, see what came in and what is missing. */
export function ConsolidateTab(props: ConsolidateTabProps) {
  const shared = useSharedStyles();
  const s = useStyles();
  if (!props.hasPlan)
    return (
      <div className={shared.tab}>
        <PlanFirst onGoToPlan={props.onGoToPlan}>
          集約は体系の順に「全体計画」シートへ書き込みます。総務課の全体計画ブック（体系シートのあるブック）で実行してください。
        </PlanFirst>
      </div>
    );
  const running = props.state.phase === 'running' || props.readState.phase === 'running';
  const r = props.result;
  const missing = r?.consolidation.rows.filter((row) => row.status === 'missing') ?? [];
  const n = r && consolidationCounts(r);
  const rejected = props.files.filter((f) => f.status === 'error');
  return (
    <div className={shared.tab}>
      <div className={s.two}>
        <FiscalYearSelect
          value={props.fiscalYear}
          around={props.around}
          planYear={props.planYear}
          disabled={running}
          onChange={props.onFiscalYear}
        />
        <StageSelect value={props.stage} disabled={running} onChange={props.onStage} />
      </div>
      <FileDrop
        multiple
        buttonLabel="各課のファイルを選択"
        hint="各課から届いた .xlsx / .xlsm をまとめてここにドロップできます"
        inputLabel="集約する各課のファイル"
        disabled={running}
        onFiles={props.onFiles}
      />
      <OperationStatus state={props.readState.phase === 'failed' ? props.readState : { phase: 'idle' }} />
      {props.files.length > 0 && (
        <section className={shared.section} aria-label="集約するファイル">
          <div className={shared.row}>
            <h3 className={`${shared.sectionTitle} ${shared.grow}`}>ファイル（{props.files.length}）</h3>
            <Button size="small" appearance="subtle" disabled={running} onClick={props.onClear}>
              すべて外す
            </Button>
          </div>
          <ul className={shared.list}>
            {props.files.map((f) => (
              <PickedFileRow key={f.id} file={f} disabled={running} onRemove={props.onRemove} />
            ))}
          </ul>
        </section>
      )}
      <span className={s.target}>
        集約先: {props.targetName ?? '新しい全体計画ブック'}{' '}
        の「全体計画」シート（前回の集約結果は置き換え、備考は引き継ぎます）
      </span>
      <Button
        appearance="primary"
        icon={<DataBarVerticalRegular />}
        disabled={running || props.files.length === 0}
        onClick={props.onRun}
      >
        {props.files.length === 0 ? 'ファイルを選んでください' : `${props.files.length} 個のファイルを集約`}
      </Button>
      <OperationStatus state={props.state} />
      {r && n && (
        <>
          <span className={s.target}>{yearNote(r.year)}</span>
          <StatTiles
            label="集約の結果"
            columns={3}
            stats={[
              { label: '集約した取組項目', value: n.entries, tone: 'success' },
              { label: '未提出の取組項目', value: n.missing, tone: 'warning' },
              { label: '受付不可のファイル', value: n.rejected, tone: 'danger' },
              { label: 'エラー', value: n.errors, tone: 'danger' },
              { label: '警告', value: n.warnings, tone: 'warning' },
              { label: WRONG_YEAR_LABEL, value: n.wrongYear, tone: 'warning' },
            ]}
          />
          <span className={s.target}>
            {n.files} 個のファイルのシート {n.sheets} 枚
            {n.outcomes.length > 0 && `: ${n.outcomes.map((o) => `${o.label} ${o.count}`).join('、')}`}
          </span>
          {props.mode === 'file' && (
            <div className={s.two}>
              <Button
                icon={<ArrowDownloadRegular />}
                aria-label="全体計画 (.xlsx) をダウンロード"
                onClick={props.onDownloadMaster}
              >
                全体計画
              </Button>
              <Button
                icon={<ArrowDownloadRegular />}
                aria-label="report.json をダウンロード"
                onClick={props.onDownloadReport}
              >
                report.json
              </Button>
            </div>
          )}
          <section className={shared.section} aria-label="目標の達成">
            <h3 className={shared.sectionTitle}>目標の達成</h3>
            <AchievementBars
              total={r.consolidation.achievement.total}
              groups={r.consolidation.achievement.byBasic}
            />
          </section>
          {rejected.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>受け付けられなかったファイル</MessageBarTitle>
                <ul className={s.missing}>
                  {rejected.map((f) => (
                    <li key={f.id}>{f.note}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <section className={shared.section} aria-label="未提出">
            <h3 className={shared.sectionTitle}>未提出（{missing.length}）</h3>
            {missing.length === 0 ? (
              <span className={shared.hint}>すべての取組項目のシートが届いています。</span>
            ) : (
              <ul className={s.missing}>
                {missing.map((row) => (
                  <li key={`${row.code}|${row.department}`}>
                    {row.code} {row.planItem?.item.title ?? ''} — {row.department}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
