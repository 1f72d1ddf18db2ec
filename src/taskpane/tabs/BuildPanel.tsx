import { BuildTab } from './BuildTab';
import type { PanelProps } from './panels';
import { useBuildTab } from './useBuildTab';
import { RolloverSection } from './RolloverSection';
import { useRollover } from './useRollover';

/** Which form the sheets follow (the workbook's 様式, else the built-in R2 form: formOf). */
const formNote = ({ form, formSheet }: Pick<PanelProps, 'form' | 'formSheet'>): string =>
  form
    ? `様式シート「${formSheet ?? '様式'}」の ${form.fields.length} 項目で作成します。`
    : '標準の様式（R2 上富良野町）で作成します。';

/** シート作成 with its state. */
export function BuildPanel(props: PanelProps) {
  const b = useBuildTab(props.host, props.plan, props.hasWorkbook, props.today, props.form, props.planYear);
  const r = useRollover(props.host, props.plan, props.form, props.planTitle);
  return (
    <BuildTab
      plan={props.plan}
      around={props.around}
      {...(props.planYear !== undefined && { planYear: props.planYear })}
      form={b.form}
      formNote={formNote(props)}
      departments={b.departments}
      dispatch={b.dispatch}
      targets={b.targets}
      state={b.state}
      onBuild={b.build}
      onGoToPlan={props.onGoToPlan}
      {...(props.planError && { planError: props.planError })}
    >
      <RolloverSection r={r} disabled={b.state.phase === 'running'} />
    </BuildTab>
  );
}
