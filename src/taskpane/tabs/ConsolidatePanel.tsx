import { ConsolidateTab } from './ConsolidateTab';
import type { PanelProps } from './panels';
import { useConsolidateTab } from './useConsolidateTab';
import { usePastMasters } from './usePastMasters';
import { usePublish } from './usePublish';

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
  const publishing = usePublish(host, props.plan, props.planTitle, c.result, c.stage);
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
      publishState={publishing.state}
      onGoToPlan={props.onGoToPlan}
      {...(props.planError && { planError: props.planError })}
    />
  );
}
