import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons/svg/arrow-download';
import { ArrowUploadRegular } from '@fluentui/react-icons/svg/arrow-upload';
import { DeleteRegular } from '@fluentui/react-icons/svg/delete';
import { HistoryRegular } from '@fluentui/react-icons/svg/history';
import { useId, useRef, type ReactNode } from 'react';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { planItems } from '../../domain/plan/planItems';
import { carrySummary } from '../../domain/rollover/carrySummary';
import { departmentLine, nextCodes } from '../../domain/rollover/itemMapping';
import { MATCH_LABELS, type MatchKind } from '../../domain/rollover/matchItems';
import { OperationStatus } from '../components/OperationStatus';
import { XLSX_ACCEPT } from '../components/FileDrop';
import { focusWhenShown } from '../focus';
import { useSharedStyles } from '../components/styles';
import type { useRollover } from './useRollover';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    minWidth: 0,
  },
  picked: { overflowWrap: 'anywhere' },
  error: {
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  input: { display: 'none' },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `0 ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  line: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200 },
  code: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalXS },
  department: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
});

const KINDS: readonly MatchKind[] = ['same', 'renumbered', 'renamed', 'mapped'];
const RUN_BUTTON_ID = 'rollover-run';

type Rollover = ReturnType<typeof useRollover>;

/** One list of the summary under its heading, or what it says when empty (nothing is hidden). */
function Listed(props: { title: string; empty: string; items: readonly ReactNode[] }) {
  const shared = useSharedStyles();
  const s = useStyles();
  return (
    <section className={shared.section} aria-label={props.title}>
      <h3 className={shared.sectionTitle}>
        {props.title}（{props.items.length}）
      </h3>
      {props.items.length === 0 ? (
        <span className={shared.hint}>{props.empty}</span>
      ) : (
        <ul className={shared.list}>
          {props.items.map((c, i) => (
            <li key={i} className={s.line}>
              {c}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * 「前年度の全体計画から作成（引継ぎ）」 on シート作成: last year's master, the year, the print switch and the
 * 体系 to use; then the 対応表 in brief (matched, new, left behind: all listed) and the files to take.
 */
export function RolloverSection({ r, disabled }: { r: Rollover; disabled: boolean }) {
  const shared = useSharedStyles();
  const s = useStyles();
  const masterInput = useRef<HTMLInputElement>(null);
  const mappingInput = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const running = r.state.phase === 'running' || disabled;
  const master = r.master;
  const year = r.options.fiscalYear;
  const shown = r.shown;
  return (
    <section className={s.box} aria-label="前年度の全体計画から作成（引継ぎ）">
      <h2 className={shared.sectionTitle}>前年度の全体計画から作成（引継ぎ）</h2>
      <p className={shared.hint} id={hintId}>
        前年度に集約した全体計画のブックから、翌年度の課ごとのブックを作ります。様式で「引継ぎ
        ○」の欄は前年度の文を下書きとして記入し、前年度の値（評価・検証など）は「前年度」の欄に表示します。
        {r.canDownload
          ? '作成した課ごとのブック・全体計画のひな形・対応表 (mapping.json) はダウンロードできます。'
          : r.canDeliver
            ? '作成した課ごとのブックと全体計画のひな形は Excel の新しいブックで開きます。'
            : ''}
      </p>
      <div className={shared.row}>
        <Button
          icon={<HistoryRegular />}
          disabledFocusable={running}
          aria-describedby={hintId}
          onClick={() => masterInput.current?.click()}
        >
          前年度の全体計画を選択
        </Button>
      </div>
      <input
        ref={masterInput}
        className={s.input}
        type="file"
        accept={XLSX_ACCEPT}
        aria-label="前年度の全体計画"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) r.pick(file);
          e.target.value = '';
        }}
      />
      {master && (
        <span className={s.picked}>
          {master.name}
          {master.fiscalYear !== undefined && `（${formatFiscalYear(master.fiscalYear)}）`}
        </span>
      )}
      {master?.fiscalYear !== undefined && year !== undefined && (
        <>
          <Field label="作成する年度" hint={`${formatFiscalYear(master.fiscalYear)}の翌年度以降`}>
            <Select
              value={String(year)}
              disabled={running}
              onChange={(_, d) => r.setOptions((o) => ({ ...o, fiscalYear: Number(d.value) }))}
            >
              {[1, 2, 3].map((n) => (
                <option key={n} value={master.fiscalYear! + n}>
                  {formatFiscalYear(master.fiscalYear! + n)}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox
            disabled={running}
            checked={r.options.printReference}
            onChange={(_, d) => r.setOptions((o) => ({ ...o, printReference: d.checked === true }))}
            label="前年度の欄も印刷する"
          />
          {r.openPlanDiffers && (
            <Checkbox
              disabled={running}
              checked={r.options.useOpenPlan}
              onChange={(_, d) => r.setOptions((o) => ({ ...o, useOpenPlan: d.checked === true }))}
              label={
                <>
                  開いているブックの体系を翌年度の体系にする
                  <span className={shared.hint}>
                    {' '}
                    （前年度の体系と違います: 取組項目 {planItems(master.plan!).length} →{r.openPlanItems}{' '}
                    件。番号・名称の変更は照合して結果に示します）
                  </span>
                </>
              }
            />
          )}
          <Button id={RUN_BUTTON_ID} appearance="primary" disabledFocusable={running} onClick={r.run}>
            {`${formatFiscalYear(year)}のブックを引き継いで作成`}
          </Button>
        </>
      )}
      <OperationStatus state={r.state} />
      {shown && <RolloverResultView r={r} disabled={running} />}
      {(shown || r.mapping) && (
        <section className={shared.section} aria-label="対応表を直して作り直す">
          <h3 className={shared.sectionTitle}>対応表を直して作り直す</h3>
          <span className={shared.hint}>
            mapping.json の next を書き換える（引き継がない場合は
            null）と、その対応で作り直します。課名が変わった課は departments の next に
            {year !== undefined ? formatFiscalYear(year) : '新しい年度'}の課名を書きます。
          </span>
          <div className={shared.row}>
            <Button
              icon={<ArrowUploadRegular />}
              disabledFocusable={running}
              onClick={() => mappingInput.current?.click()}
            >
              編集した mapping.json で作り直す
            </Button>
          </div>
          {r.mapping && (
            <div className={s.department}>
              <span className={s.line}>使用中の対応表: {r.mapping.name}</span>
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`${r.mapping.name} を外す`}
                disabledFocusable={running}
                onClick={() => {
                  r.clearMapping();
                  // The mapping, its button and the result made with it go: the focus goes to the button that
                  // makes next year's workbooks again (without the mapping).
                  focusWhenShown(RUN_BUTTON_ID);
                }}
              />
            </div>
          )}
        </section>
      )}
      <input
        ref={mappingInput}
        className={s.input}
        type="file"
        accept=".json,application/json"
        aria-label="編集した対応表 (mapping.json)"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) r.pickMapping(file);
          e.target.value = '';
        }}
      />
    </section>
  );
}

function RolloverResultView({ r, disabled }: { r: Rollover; disabled: boolean }) {
  const shared = useSharedStyles();
  const s = useStyles();
  const { result, notes, source } = r.shown!;
  const doc = result.mapping;
  const count = (kind: MatchKind) => doc.items.filter((i) => i.match === MATCH_LABELS[kind]).length;
  const none = doc.items.filter((i) => i.next === null);
  const changed = doc.items.filter((i) => i.match !== null && i.match !== MATCH_LABELS.same);
  const busy = disabled || r.deliverState.phase === 'running';
  const code = (c: string | null) => <span className={s.code}>{c}</span>;
  return (
    <section className={shared.section} aria-label="引継ぎの結果">
      <h2 className={shared.sectionTitle}>
        引継ぎの結果（{formatFiscalYear(result.lastYear)} → {formatFiscalYear(result.nextYear)}）
      </h2>
      <span className={shared.hint}>{source}</span>
      <span className={s.line}>{carrySummary(result.form, result.starting.length, result.nextYear)}</span>
      <ul className={s.counts} aria-label="取組項目の対応">
        {KINDS.map((k) => (
          <li key={k}>
            {MATCH_LABELS[k]} {count(k)}
          </li>
        ))}
        <li>対応なし {none.length}</li>
        <li>新規 {doc.added.length}</li>
      </ul>
      <Listed
        title="番号・名称が変わった取組項目"
        empty={`すべて${doc.from}と同じ番号・名称で対応しました。`}
        items={changed.map((i) => (
          <>
            {i.match}: {code(i.previous)}
            {i.previousTitle} → {code(nextCodes(i.next))}
            {i.nextTitle}
          </>
        ))}
      />
      <Listed
        title={`新規の取組項目（${doc.from}なし・空欄で作成）`}
        empty="新規の取組項目はありません。"
        items={doc.added.map((a) => (
          <>
            {code(a.next)}
            {a.nextTitle}
          </>
        ))}
      />
      <Listed
        title={`対応なし（${doc.from}のみの取組項目）`}
        empty={`${doc.from}の取組項目はすべて対応しました。`}
        items={none.map((i) => (
          <>
            {code(i.previous)}
            {i.previousTitle}（記入 {i.entries} 件）
          </>
        ))}
      />
      {doc.departments.length > 0 && (
        <Listed
          title={`${doc.to}の体系にない課`}
          empty=""
          items={doc.departments.map((d) => (
            <>{departmentLine(d, doc.to)}</>
          ))}
        />
      )}
      <Listed
        title="引き継がない記入"
        empty="引き継がない記入はありません。"
        items={doc.leftBehind.map((l) => (
          <>
            {code(l.previous)}
            {l.department}
            {l.seq > 1 ? ` (${l.seq})` : ''} — {l.reason}
            {l.next ? `（${l.next}）` : ''}
          </>
        ))}
      />
      {notes.map((n) => (
        <span key={n} className={shared.hint}>
          {n}
        </span>
      ))}

      <section className={shared.section} aria-label="作成したファイル">
        <h3 className={shared.sectionTitle}>作成したファイル</h3>
        {!r.canDeliver ? (
          <span className={shared.hint}>
            この Excel ではブックを新しく開けません。ブラウザーで開く Suishin（ファイルモード）か suishin
            rollover で作成してください。
          </span>
        ) : (
          <>
            <span className={shared.hint}>
              {r.canDownload
                ? `課ごとのブック ${result.files.length} 個、全体計画のひな形（対応表のシート付き）と対応表 mapping.json をダウンロードできます。`
                : `課ごとのブックと全体計画のひな形（対応表のシート付き）を Excel の新しいブックで開きます。それぞれ名前を付けて保存してください。mapping.json はファイルモードか suishin rollover で書き出せます。対応表はひな形の「対応表」シートでも確認できます。`}
            </span>
            <div className={shared.row}>
              <Button
                icon={<ArrowDownloadRegular />}
                disabled={busy}
                onClick={() => r.deliverDepartments('each')}
              >
                {r.canDownload
                  ? `課ごとのブックをダウンロード（${result.files.length} 個）`
                  : `課ごとのブックを Excel で開く（${result.files.length} 課）`}
              </Button>
              {r.canDownload && (
                <Button
                  icon={<ArrowDownloadRegular />}
                  disabled={busy}
                  onClick={() => r.deliverDepartments('zip')}
                >
                  .zip にまとめてダウンロード
                </Button>
              )}
            </div>
            <ul className={shared.list} aria-label="課ごとのブック">
              {result.files.map((f) => (
                <li key={f.department} className={s.department}>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowDownloadRegular />}
                    disabled={busy}
                    aria-label={
                      r.canDownload ? `${f.fileName} をダウンロード` : `${f.department}のブックを開く`
                    }
                    onClick={() => r.deliverDepartments(f.department)}
                  />
                  <span className={s.line}>
                    {f.fileName}（{f.sheets} シート）
                  </span>
                </li>
              ))}
            </ul>
            <div className={shared.row}>
              <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={r.deliverMaster}>
                {r.canDownload ? '全体計画のひな形 (.xlsx)' : '全体計画のひな形を Excel で開く'}
              </Button>
              {r.canDownload && (
                <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={r.downloadMapping}>
                  対応表 (mapping.json)
                </Button>
              )}
            </div>
            <OperationStatus state={r.deliverState} />
          </>
        )}
      </section>
    </section>
  );
}
