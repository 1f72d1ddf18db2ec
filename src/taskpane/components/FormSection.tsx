import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { DocumentTableRegular } from '@fluentui/react-icons/svg/document-table';
import type { FormDefinition } from '../../domain/entry/formDefinition';
import type { Finding } from '../../domain/finding';
import type { CellSelection } from '../hooks/useCellSelection';
import type { HostMode } from '../host';
import { FormView } from './FormView';
import { CellFindings } from './CellFindings';
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  headRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  source: { margin: 0 },
});

export interface FormSectionProps {
  readonly mode: HostMode;
  /** The form the build and validate tabs use (the 様式's, or the built-in R2 form). */
  readonly form: FormDefinition;
  /** The 様式 sheet it was read from; undefined when the workbook has none (the R2 form is used). */
  readonly sheet: string | undefined;
  readonly findings: readonly Finding[];
  readonly busy: boolean;
  readonly selection: CellSelection | undefined;
  readonly onSelectFinding: (finding: Finding, key: string) => void;
  /** 「様式を挿入」: offered while the workbook has no 様式 sheet. */
  readonly onInsertForm?: () => void;
}

/**
 * 様式 on the 体系 tab: which form the sheets are built with (the workbook's 様式 sheet, or the R2 form),
 * its problems (each leading to its cell, as the 体系's do), and its fields.
 */
export function FormSection(props: FormSectionProps) {
  const shared = useSharedStyles();
  const s = useStyles();
  const { form, findings } = props;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <section className={shared.section} aria-labelledby="form-section-title">
      <div className={s.headRow}>
        <h2 id="form-section-title" className={shared.sectionTitle}>
          様式（{form.fields.length} 項目）
        </h2>
        {props.sheet === undefined && props.onInsertForm && (
          <Button
            size="small"
            icon={<DocumentTableRegular />}
            disabledFocusable={props.busy}
            onClick={props.onInsertForm}
          >
            様式を挿入
          </Button>
        )}
      </div>
      <p className={mergeClasses(shared.hint, s.source)}>
        {props.sheet === undefined
          ? '標準の様式（R2 上富良野町）を使用中。「様式を挿入」で様式シートを作ると、項目を編集できます。'
          : `様式シート「${props.sheet}」から読み込み`}
      </p>
      {findings.length > 0 && (
        <>
          {errors > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                様式に誤りが {errors}{' '}
                件あります。直すまでシートの作成と集約はできません（下の項目は誤りのある行を除いたものです）。直したら「再読み込み」を押してください。
              </MessageBarBody>
            </MessageBar>
          )}
          <CellFindings
            label="様式の問題"
            findings={findings}
            mode={props.mode}
            selection={props.selection}
            onSelectFinding={props.onSelectFinding}
          />
        </>
      )}
      <FormView form={form} />
    </section>
  );
}
