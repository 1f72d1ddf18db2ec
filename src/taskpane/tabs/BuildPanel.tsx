import { BuildTab } from './BuildTab';
import type { PanelProps } from './panels';
import { useBuildTab } from './useBuildTab';

/** シート作成 with its state. */
export function BuildPanel(props: PanelProps) {
  const b = useBuildTab(props.host, props.plan, props.hasWorkbook, props.today);
  return (
    <BuildTab
      plan={props.plan}
      around={props.around}
      {...(props.planYear !== undefined && { planYear: props.planYear })}
      form={b.form}
      departments={b.departments}
      dispatch={b.dispatch}
      targets={b.targets}
      state={b.state}
      onBuild={b.build}
      onGoToPlan={props.onGoToPlan}
    />
  );
}
