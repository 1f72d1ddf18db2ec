import { useEffect, useState } from 'react';
import { LOG_SHEET_NAME } from '../../domain/consolidation/viewSheetNames';
import { MASTER_SHEET_NAME } from '../../domain/template/sheetName';
import { useHostSnapshot } from '../hooks/useHostSnapshot';
import type { Host } from '../host';
import { ConsolidateTab } from './ConsolidateTab';
import type { PanelProps } from './panels';
import { useConsolidateTab } from './useConsolidateTab';
import { usePastMasters } from './usePastMasters';
import { usePublish } from './usePublish';

/**
 * Whether the open workbook is a master consolidated before (全体計画 and 集約ログ): it can be published as
 * it stands, 総務課's corrections in 全体計画 included, without consolidating again (which rebuilds 全体計画).
 */
function useConsolidatedMaster(host: Host): boolean {
  const { port, revision } = useHostSnapshot(host);
  const [is, setIs] = useState(false);
  useEffect(() => {
    let live = true;
    setIs(false);
    void port
      ?.listSheets()
      .then((sheets) => {
        const names = sheets.map((sheet) => sheet.name);
        if (live) setIs(names.includes(MASTER_SHEET_NAME) && names.includes(LOG_SHEET_NAME));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [port, revision]);
  return is;
}

/** 集約 with its state. */
export function ConsolidatePanel(props: PanelProps) {
  const { host } = props;
  const past = usePastMasters(host);
  const c = useConsolidateTab(
    host,
    props.plan,
    props.planYear,
    props.planTitle,
    props.today,
    past.years,
    props.form,
    past.unusable,
  );
  const openMaster = useConsolidatedMaster(host);
  const publishing = usePublish(host, props.plan, props.planTitle, c.result, c.stage, openMaster);
  return (
    <ConsolidateTab
      mode={host.mode}
      {...(props.form && { form: props.form })}
      hasPlan={props.plan !== undefined}
      targetName={props.name}
      files={c.files}
      stage={c.stage}
      fiscalYear={c.fiscalYear}
      around={props.around}
      planYear={props.planYear}
      result={c.result}
      state={c.state}
      readState={c.readState}
      onFiles={c.addFiles}
      folder={c.folder.folder}
      folderState={c.folder.state}
      onFolderFiles={c.folder.onFolderFiles}
      onOpenFolderWithPicker={c.folder.openWithPicker}
      onReloadFolderFromHandle={c.folder.reloadFromHandle}
      onRemove={c.removeFile}
      onClear={c.clearFiles}
      onStage={c.setStage}
      onFiscalYear={c.setFiscalYear}
      onRun={c.run}
      pastMasters={past.masters}
      pastMastersState={past.state}
      onAddPastMasters={past.add}
      onRemovePastMaster={past.remove}
      {...(host.download && {
        onDownloadMaster: c.downloadMaster,
        onDownloadReport: c.downloadReport,
      })}
      onPublish={publishing.run}
      openMaster={openMaster}
      publishState={publishing.state}
      onGoToPlan={props.onGoToPlan}
      {...(props.planError && { planError: props.planError })}
    />
  );
}
