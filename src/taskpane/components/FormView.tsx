import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  kindLabel,
  REQUIREMENT_LABELS,
  tallyField,
  type FieldDef,
  type FormDefinition,
} from '../../domain/entry/formDefinition';
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    tableLayout: 'fixed',
  },
  head: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  kindColumn: { width: '4.5em' },
  requiredColumn: { width: '4.5em' },
  cell: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
  },
  heading: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS} 0`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  underHeading: { paddingLeft: tokens.spacingHorizontalL },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  detail: { display: 'block', color: tokens.colorNeutralForeground3 },
});

/** 選択肢 / 計算式 / 判定 / 判定理由: what a field holds besides its kind, one short line each. */
export function fieldDetails(field: FieldDef, form: FormDefinition): string[] {
  const labelOf = (key: string) => form.fields.find((f) => f.key === key)?.label ?? key;
  return [
    field.choices && field.choices.length > 0 && `選択肢: ${field.choices.join('、')}`,
    field.formula && `計算式: ${field.formula.text}`,
    field.judge && `判定: ${field.judge.text}`,
    field.reasonFor !== undefined && `「${labelOf(field.reasonFor)}」の判定理由`,
    field.maxLength !== undefined && field.kind === 'text' && `文字数の目安: ${field.maxLength}`,
  ].filter((d): d is string => typeof d === 'string');
}

/** 必須の時期 as the list shows it: 計算 fields are computed, never typed, so never required. */
const requirement = (field: FieldDef): string =>
  field.kind === 'computed' ? '—' : REQUIREMENT_LABELS[field.requiredFrom];

/**
 * The form's fields in a compact table: 項目 (under its 見出し), 種類 (with the 集計 mark), 必須の時期, and what
 * the field holds (選択肢, 計算式, 判定). Data only: where the form came from is the caller's to say.
 */
export function FormView({ form, label = '様式の項目' }: { form: FormDefinition; label?: string }) {
  const s = useStyles();
  const shared = useSharedStyles();
  const tally = tallyField(form);
  return (
    <table className={s.table} aria-label={label}>
      <colgroup>
        <col />
        <col className={s.kindColumn} />
        <col className={s.requiredColumn} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className={s.head}>
            項目
          </th>
          <th scope="col" className={s.head}>
            種類
          </th>
          <th scope="col" className={s.head}>
            必須の時期
          </th>
        </tr>
      </thead>
      <tbody>
        {form.fields.flatMap((field, i) => {
          const startsHeading = field.heading !== undefined && form.fields[i - 1]?.heading !== field.heading;
          const rows = [];
          if (startsHeading)
            rows.push(
              <tr key={`heading-${i}`}>
                <th scope="colgroup" colSpan={3} className={s.heading}>
                  {field.heading}
                </th>
              </tr>,
            );
          rows.push(
            <tr key={field.key}>
              <td className={mergeClasses(s.cell, field.heading !== undefined && s.underHeading)}>
                <span className={s.label}>{field.label}</span>
                {fieldDetails(field, form).map((d) => (
                  <span key={d} className={mergeClasses(shared.hint, s.detail)}>
                    {d}
                  </span>
                ))}
              </td>
              <td className={s.cell}>
                {kindLabel(field)}
                {tally?.key === field.key && (
                  <>
                    {' '}
                    <Badge appearance="tint" color="brand" shape="rounded" size="small">
                      集計
                    </Badge>
                  </>
                )}
              </td>
              <td className={s.cell}>{requirement(field)}</td>
            </tr>,
          );
          return rows;
        })}
      </tbody>
    </table>
  );
}
