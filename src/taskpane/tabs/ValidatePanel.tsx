import { withComputedValues } from '../computedPreview';
import type { PanelProps } from './panels';
import { useValidateTab } from './useValidateTab';
import { ValidateTab } from './ValidateTab';

/** 検証 with its state. */
export function ValidatePanel(props: PanelProps) {
  const v = useValidateTab(props.host, props.plan, props.name, props.revision, props.form);
  return (
    <ValidateTab
      mode={props.host.mode}
      {...(v.form && { form: v.form })}
      hasWorkbook={props.hasWorkbook}
      stage={v.stage}
      onStage={v.setStage}
      result={v.result}
      stale={v.stale}
      state={v.state}
      markState={v.markState}
      selection={
        v.selection.selection?.snapshot && v.result
          ? {
              ...v.selection.selection,
              snapshot: withComputedValues(v.selection.selection.snapshot, v.result),
            }
          : v.selection.selection
      }
      selectionError={v.selection.error}
      onValidate={v.validate}
      onMark={v.mark}
      onClear={v.clear}
      onSelectFinding={(f, key) => void v.selection.select(f, key)}
      onGoToPlan={props.onGoToPlan}
    />
  );
}
