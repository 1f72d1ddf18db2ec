import { Button } from '@fluentui/react-components';
import { useEffect, useId, useRef, type Ref } from 'react';
import { DataBarVerticalRegular } from '@fluentui/react-icons/svg/data-bar-vertical';
import type { ConsolidateResult } from '../../app/consolidate';
import type { FormDefinition, Stage } from '../../domain/entry/formDefinition';
import { PlanBlocked } from '../components/PlanBlocked';
import { PlanFirst } from '../components/PlanFirst';
import { FileDrop } from '../components/FileDrop';
import { OperationStatus } from '../components/OperationStatus';
import { FiscalYearSelect, StageSelect } from '../components/Selects';
import { useSharedStyles } from '../components/styles';
import type { OperationState } from '../hooks/useOperation';
import type { HostMode } from '../host';
import { focusAfterRemoval, focusWhenShown } from '../focus';
import { reveal } from '../reveal';
import { FolderOpen } from '../folder/FolderOpen';
import type { OpenedFolder } from '../folder/useFolder';
import { ConsolidationResult, Publish } from './ConsolidationResult';
import { useConsolidateStyles } from './consolidateStyles';
import { consolidationCounts } from './consolidationCounts';
import { PastMasters } from './PastMasters';
import type { PastMaster } from './usePastMasters';
import { PickedFileRow, REMOVE_SELECTOR } from './PickedFileRow';
import type { PickedFile } from './pickedFiles';

export interface ConsolidateTabProps {
  readonly mode: HostMode;
  /** The workbook's 様式: the stage hint names its fields. */
  readonly form?: FormDefinition;
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
  /** 「フォルダーを開く」: the folder last opened, how its reading went, and how to pick or read it again. */
  readonly folder?: OpenedFolder | undefined;
  readonly folderState?: OperationState;
  readonly onFolderFiles?: (files: File[]) => void;
  readonly onOpenFolderWithPicker?: (() => void) | undefined;
  readonly onReloadFolderFromHandle?: (() => void) | undefined;
  readonly onRemove: (id: string) => void;
  readonly onClear: () => void;
  readonly onStage: (stage: Stage) => void;
  readonly onFiscalYear: (year: number) => void;
  readonly onRun: () => void;
  /** 「過去の集約ファイルを追加」 (usePastMasters): past years' masters for the 推移 sheet. */
  readonly pastMasters?: readonly PastMaster[];
  readonly pastMastersState?: OperationState;
  readonly onAddPastMasters?: (files: File[]) => void;
  readonly onRemovePastMaster?: (id: string) => void;
  readonly onDownloadMaster?: () => void;
  readonly onDownloadReport?: () => void;
  /** 「公開用に書き出す」 in the result (usePublish). */
  readonly onPublish?: (() => void) | undefined;
  /** The open workbook is a master consolidated before: 「公開用に書き出す」 is offered before any run. */
  readonly openMaster?: boolean;
  readonly publishState?: OperationState;
  /** An error in the 体系 or 様式 (planErrorPart): nothing is consolidated until it is fixed. */
  readonly planError?: '体系' | '様式';
  readonly onGoToPlan: () => void;
}

/** 集約: pick the departments' files, consolidate into 全体計画, see what came in and what is missing. */
export function ConsolidateTab(props: ConsolidateTabProps) {
  const shared = useSharedStyles();
  const s = useConsolidateStyles();
  const pickId = useId();
  // While it runs, each file's row grows by its outcome and pushes the button and the result down (50 files:
  // the result 1,089 px down in an 800 px window). When the run ends the button goes to the top of the page,
  // its message and the result below it; the focus stays on the button (focus.ts).
  const runButton = useRef<HTMLButtonElement>(null);
  const phase = props.state.phase;
  const lastPhase = useRef(phase);
  useEffect(() => {
    if (lastPhase.current === 'running' && phase !== 'running') reveal(runButton.current, 'start');
    lastPhase.current = phase;
  }, [phase]);
  if (!props.hasPlan)
    return (
      <div className={shared.tab}>
        <PlanFirst onGoToPlan={props.onGoToPlan}>
          集約は体系の順に「全体計画」シートへ書き込みます。総務課の全体計画ブック（体系シートのあるブック）で実行してください。
        </PlanFirst>
      </div>
    );
  if (props.planError)
    return (
      <div className={shared.tab}>
        <PlanBlocked
          part={props.planError}
          action="集約できません"
          why="誤りのある行を除いたまま集約すると、その取組項目や項目が全体計画に入らないためです"
          onGoToPlan={props.onGoToPlan}
        />
      </div>
    );
  const running =
    props.state.phase === 'running' ||
    props.readState.phase === 'running' ||
    props.folderState?.phase === 'running';
  const r = props.result;
  const n = r && consolidationCounts(r);
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
        <StageSelect
          value={props.stage}
          disabled={running}
          onChange={props.onStage}
          {...(props.form && { form: props.form })}
        />
      </div>
      <FileDrop
        multiple
        buttonLabel="各課のファイルを選択"
        hint="各課から届いた .xlsx / .xlsm をまとめてここにドロップできます。PDF や .xls などで届いたものは受付不可として名前を示します。"
        inputLabel="集約する各課のファイル"
        buttonId={pickId}
        disabled={running}
        onFiles={props.onFiles}
      />
      {props.onFolderFiles && (
        <FolderOpen
          folder={props.folder}
          state={props.folderState ?? { phase: 'idle' }}
          disabled={running}
          onFolderFiles={props.onFolderFiles}
          onOpenWithPicker={props.onOpenFolderWithPicker}
          onReloadFromHandle={props.onReloadFolderFromHandle}
        />
      )}
      <OperationStatus state={props.readState.phase === 'failed' ? props.readState : { phase: 'idle' }} />
      {props.files.length > 0 && (
        <PickedFiles
          files={props.files}
          pickId={pickId}
          disabled={running}
          onRemove={props.onRemove}
          onClear={props.onClear}
        />
      )}
      {props.onAddPastMasters && props.onRemovePastMaster && (
        <PastMasters
          masters={props.pastMasters ?? []}
          state={props.pastMastersState ?? { phase: 'idle' }}
          disabled={running || props.pastMastersState?.phase === 'running'}
          onAdd={props.onAddPastMasters}
          onRemove={props.onRemovePastMaster}
        />
      )}
      <RunConsolidation
        buttonRef={runButton}
        targetName={props.targetName}
        files={props.files.length}
        disabled={running}
        onRun={props.onRun}
      />
      <OperationStatus state={props.state} />
      {!r && props.openMaster && props.onPublish && (
        <Publish
          onPublish={props.onPublish}
          state={props.publishState}
          hint="開いている全体計画を、集約し直さずにそのまま（全体計画で直した内容も）書き出します。"
        />
      )}
      {r && n && (
        <ConsolidationResult
          mode={props.mode}
          result={r}
          counts={n}
          rejected={props.files.filter((f) => f.status === 'error')}
          onDownloadMaster={props.onDownloadMaster}
          onDownloadReport={props.onDownloadReport}
          onPublish={props.onPublish}
          publishState={props.publishState}
        />
      )}
    </div>
  );
}

/** Where the result goes, and the button that consolidates the picked files. */
function RunConsolidation({
  buttonRef,
  targetName,
  files,
  disabled,
  onRun,
}: {
  buttonRef: Ref<HTMLButtonElement>;
  targetName: string | undefined;
  files: number;
  disabled: boolean;
  onRun: () => void;
}) {
  const s = useConsolidateStyles();
  return (
    <>
      <span className={s.target}>
        集約先: {targetName ?? '新しい全体計画ブック'}{' '}
        の「全体計画」シート（前回の集約結果は置き換え、備考は引き継ぎます）
      </span>
      <Button
        ref={buttonRef}
        className={s.run}
        appearance="primary"
        icon={<DataBarVerticalRegular />}
        disabled={files === 0}
        disabledFocusable={disabled}
        onClick={onRun}
      >
        {files === 0 ? 'ファイルを選んでください' : `${files} 個のファイルを集約`}
      </Button>
    </>
  );
}

/** The files picked for consolidation, each removable, with a button to remove them all. */
function PickedFiles({
  files,
  pickId,
  disabled,
  onRemove,
  onClear,
}: {
  files: readonly PickedFile[];
  /** 「各課のファイルを選択」: the focus goes there once the list is gone. */
  pickId: string;
  disabled: boolean;
  onRemove: (id: string) => void;
  onClear: () => void;
}) {
  const shared = useSharedStyles();
  const list = useRef<HTMLElement>(null);
  const picker = () => document.getElementById(pickId);
  // The row's button goes with it: the next row's 「外す」 takes the focus (it fell to the page).
  const remove = (id: string) => {
    focusAfterRemoval(
      list.current,
      REMOVE_SELECTOR,
      files.findIndex((f) => f.id === id),
      picker,
    );
    onRemove(id);
  };
  const clear = () => {
    focusWhenShown(picker);
    onClear();
  };
  return (
    <section className={shared.section} aria-label="集約するファイル" ref={list}>
      <div className={shared.row}>
        <h2 className={`${shared.sectionTitle} ${shared.grow}`}>ファイル（{files.length}）</h2>
        <Button size="small" appearance="subtle" disabled={disabled} onClick={clear}>
          すべて外す
        </Button>
      </div>
      <ul className={shared.list}>
        {files.map((f) => (
          <PickedFileRow key={f.id} file={f} disabled={disabled} onRemove={remove} />
        ))}
      </ul>
    </section>
  );
}
