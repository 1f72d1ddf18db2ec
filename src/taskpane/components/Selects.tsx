import { Field, Select } from '@fluentui/react-components';
import {
  STAGES,
  STAGE_LABELS,
  STANDARD_FORM,
  type FormDefinition,
  type Stage,
} from '../../domain/entry/formDefinition';
import { stageHint } from '../../domain/entry/stageHint';
import { fiscalYearOptions } from '../fiscal';

export function FiscalYearSelect(props: {
  value: number;
  /** This fiscal year (the list reaches a few years ahead of it). */
  around: number;
  /** The 体系's own year: the list starts there. */
  planYear?: number | undefined;
  onChange: (year: number) => void;
  hint?: string;
  disabled?: boolean;
}) {
  const options = fiscalYearOptions(props.around, props.planYear);
  // A year chosen before the 体系 changed stays selectable, in its place.
  if (!options.some((o) => o.value === props.value))
    options.push(...fiscalYearOptions(props.value).filter((o) => o.value === props.value));
  options.sort((a, b) => b.value - a.value);
  return (
    <Field label="年度" hint={props.hint}>
      <Select
        value={String(props.value)}
        disabled={props.disabled}
        onChange={(_, d) => {
          const year = Number(d.value);
          if (Number.isInteger(year) && year > 1989) props.onChange(year);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** 確認する時期, its hint naming the fields the stage adds by the workbook's 様式 (the R2 form without one). */
export function StageSelect(props: {
  value: Stage;
  onChange: (stage: Stage) => void;
  disabled?: boolean;
  form?: FormDefinition;
}) {
  return (
    <Field label="確認する時期" hint={stageHint(props.form ?? STANDARD_FORM, props.value)}>
      <Select
        value={props.value}
        disabled={props.disabled}
        onChange={(_, d) => props.onChange(d.value as Stage)}
      >
        {STAGES.map((stage) => (
          <option key={stage} value={stage}>
            {STAGE_LABELS[stage]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
