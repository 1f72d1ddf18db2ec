import { paneStage, stageMismatch } from '../../domain/validation/stageMismatch';
import { droppedSummary } from '../../domain/consolidation/droppedFromPrevious';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons/svg/arrow-download';
import type { ConsolidateResult } from '../../app/consolidate';
import { NO_TALLY_MESSAGE, tallyNotYetNote } from '../../domain/consolidation/buildSummarySheets';
import {
  BLANK_SHEET_NOTE,
  refusedFileNote,
  type Consolidation,
  type MasterRow,
} from '../../domain/consolidation/types';
import type { Finding } from '../../domain/finding';
import { AchievementBars } from '../components/AchievementBars';
import { FindingList } from '../components/FindingList';
import { OperationStatus } from '../components/OperationStatus';
import { StatTiles } from '../components/StatTiles';
import { useSharedStyles } from '../components/styles';
import type { OperationState } from '../hooks/useOperation';
import type { HostMode } from '../host';
import { useConsolidateStyles } from './consolidateStyles';
import { WRONG_YEAR_LABEL, type ConsolidationCounts } from './consolidationCounts';
import type { PickedFile } from './pickedFiles';
import { yearNote } from './useConsolidateTab';

export interface ConsolidationResultProps {
  readonly mode: HostMode;
  readonly result: ConsolidateResult;
  readonly counts: ConsolidationCounts;
  /** Picked files that could not be read: listed with their reason. */
  readonly rejected: readonly PickedFile[];
  readonly onDownloadMaster?: (() => void) | undefined;
  readonly onDownloadReport?: (() => void) | undefined;
  /** 「公開用に書き出す」: the published report and open data (usePublish); absent when the host cannot. */
  readonly onPublish?: (() => void) | undefined;
  readonly publishState?: OperationState | undefined;
}

/** What a consolidation did: the year used, counts, downloads (file mode), 達成状況, rejected files, 未提出. */
export function ConsolidationResult({
  mode,
  result: r,
  counts: n,
  rejected,
  ...props
}: ConsolidationResultProps) {
  const s = useConsolidateStyles();
  return (
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
      {mode === 'file' && (
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
      <StageNote consolidation={r.consolidation} />
      <Dropped findings={r.consolidation.findings} />
      <Findings findings={[...r.consolidation.findings, ...r.viewFindings]} />
      {props.onPublish && <Publish onPublish={props.onPublish} state={props.publishState} />}
      <Achievement consolidation={r.consolidation} />
      {rejected.length > 0 && <RejectedFiles rejected={rejected} />}
      <MissingEntries missing={r.consolidation.rows.filter((row) => row.status === 'missing')} />
    </>
  );
}

/** The most errors and warnings listed here; the 集約ログ sheet has every one. */
export const FINDINGS_SHOWN = 100;

/**
 * The errors and warnings of the run, by file and sheet, each with its cell: what 総務課 asks the
 * departments to fix, without opening the master. 情報 and anything past FINDINGS_SHOWN are in 集約ログ.
 */
function Findings({ findings }: { findings: readonly Finding[] }) {
  const shared = useSharedStyles();
  const shown = findings.filter((f) => f.severity !== 'info');
  if (shown.length === 0) return null;
  const rest = [
    ...(shown.length > FINDINGS_SHOWN ? [`エラー・警告 ${shown.length - FINDINGS_SHOWN} 件`] : []),
    ...(findings.length > shown.length ? [`情報 ${findings.length - shown.length} 件`] : []),
  ];
  return (
    <section className={shared.section} aria-label="集約の指摘">
      <h2 className={shared.sectionTitle}>エラーと警告（{shown.length}）</h2>
      <FindingList label="エラーと警告の一覧" findings={shown.slice(0, FINDINGS_SHOWN)} withFile />
      {rest.length > 0 && (
        <span className={shared.hint}>
          ほかの指摘（{rest.join('、')}）は、全体計画の「集約ログ」シートにあります。
        </span>
      )}
    </section>
  );
}

/** 「公開用に書き出す」 and how it went (in a result, or for a master opened already consolidated). */
export function Publish({
  onPublish,
  state,
  hint,
}: {
  onPublish: () => void;
  state: OperationState | undefined;
  hint?: string;
}) {
  const shared = useSharedStyles();
  return (
    <section className={shared.section} aria-label="公開用の書き出し">
      <Button
        icon={<ArrowDownloadRegular />}
        disabledFocusable={state?.phase === 'running'}
        onClick={onPublish}
      >
        公開用に書き出す
      </Button>
      <span className={shared.hint}>
        町のウェブサイト用の報告書 (report.html) とオープンデータ
        (opendata.csv・opendata.xlsx)。様式の「公表」が × の項目は含めません。{hint}
      </span>
      <OperationStatus state={state ?? { phase: 'idle' }} />
    </section>
  );
}

/** The 集計 field's counts (R2: 目標の達成), or why there are none (the form has no 集計 field). */
function Achievement({ consolidation: c }: { consolidation: Consolidation }) {
  const a = c.achievement;
  const shared = useSharedStyles();
  const label = a.field?.label ?? '達成状況';
  const notYet = tallyNotYetNote(c);
  return (
    <section className={shared.section} aria-label={label}>
      <h2 className={shared.sectionTitle}>{label}</h2>
      {notYet && <span className={shared.hint}>{notYet}</span>}
      {a.field ? (
        <AchievementBars label={a.field.label} choices={a.choices} total={a.total} groups={a.byBasic} />
      ) : (
        <span className={shared.hint}>{NO_TALLY_MESSAGE}</span>
      )}
    </section>
  );
}

/** The stage chosen against what the sheets hold (年度末 chosen in October): what to choose instead. */
function StageNote({ consolidation: c }: { consolidation: Consolidation }) {
  const note = stageMismatch(
    c.rows.flatMap((row) => (row.status !== 'missing' && row.entry ? [row.entry] : [])),
    c.form,
    c.stage,
    { what: '集約', how: paneStage },
  );
  if (!note) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>確認する時期</MessageBarTitle>
        {note}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What the master held before this run and lost because a file was not given again (droppedFromPrevious). */
function Dropped({ findings }: { findings: readonly Finding[] }) {
  const s = useConsolidateStyles();
  const dropped = droppedSummary(findings);
  if (!dropped) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>前回の集約から外れた記入（{dropped.rows.length}）</MessageBarTitle>
        {dropped.advice}
        <ul className={s.missing}>
          {dropped.rows.map((row) => (
            <li key={row}>{row}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function RejectedFiles({ rejected }: { rejected: readonly PickedFile[] }) {
  const s = useConsolidateStyles();
  return (
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
  );
}

function MissingEntries({ missing }: { missing: readonly MasterRow[] }) {
  const shared = useSharedStyles();
  const s = useConsolidateStyles();
  return (
    <section className={shared.section} aria-label="未提出">
      <h2 className={shared.sectionTitle}>未提出（{missing.length}）</h2>
      {missing.length === 0 ? (
        <span className={shared.hint}>すべての取組項目のシートが届いています。</span>
      ) : (
        <ul className={s.missing}>
          {missing.map((row) => (
            <li key={`${row.code}|${row.department}`}>
              {row.code} {row.planItem?.item.title ?? ''} — {row.department}
              {row.blankSheet && `（${BLANK_SHEET_NOTE}）`}
              {row.refusedFile !== undefined && `（${refusedFileNote(row.refusedFile)}）`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
