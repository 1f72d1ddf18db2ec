import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons/svg/arrow-download';
import { DataBarVerticalRegular } from '@fluentui/react-icons/svg/data-bar-vertical';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { DocumentRegular } from '@fluentui/react-icons/svg/document';
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
import { FILE_STATUS_LABELS, type FileStatus, type PickedFile } from './useConsolidateTab';

const STATUS_COLORS: Readonly<Record<FileStatus, 'subtle' | 'informative' | 'brand' | 'success' | 'danger'>> =
  {
    waiting: 'subtle',
    reading: 'brand',
    read: 'informative',
    done: 'success',
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
  note: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  errorNote: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
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
  const rows = r?.consolidation.rows ?? [];
  const missing = rows.filter((row) => row.status === 'missing');
  const entries = rows.length - missing.length;
  const rejected = props.files.filter((f) => f.status === 'error');
  return (
    <div className={shared.tab}>
      <div className={s.two}>
        <FiscalYearSelect
          value={props.fiscalYear}
          around={props.around}
          extra={props.fiscalYear}
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
              <li key={f.id} className={s.file}>
                <DocumentRegular className={s.fileIcon} aria-hidden="true" />
                <span className={s.fileBody}>
                  <span className={s.fileName}>{f.input.file}</span>
                  {f.note && <span className={f.status === 'error' ? s.errorNote : s.note}>{f.note}</span>}
                </span>
                <Badge appearance="tint" size="small" color={STATUS_COLORS[f.status]} className={s.badge}>
                  {FILE_STATUS_LABELS[f.status]}
                </Badge>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`${f.input.file} を外す`}
                  disabled={running}
                  onClick={() => props.onRemove(f.id)}
                />
              </li>
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
      {r && (
        <>
          <StatTiles
            label="集約の結果"
            stats={[
              { label: '集約', value: entries, tone: 'success' },
              { label: '未提出', value: missing.length, tone: 'warning' },
              { label: '受付不可', value: r.rejected, tone: 'danger' },
            ]}
          />
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
