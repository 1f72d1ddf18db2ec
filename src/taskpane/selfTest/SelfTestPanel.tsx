import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PORT_CASES } from '../../workbook/contract/portCases';
import { runPortCases, type PortCaseResult } from '../../workbook/contract/runPortCases';
import { excelHostInfo } from '../../workbook/officejs/hostInfo';
import { officeErrorMessage } from '../../workbook/officejs/officeErrors';
import type { Host } from '../host';
import { selfTestReport } from './selfTestReport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', fontSize: tokens.fontSizeBase200 },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  why: { display: 'block', color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
});

type Phase = 'running' | 'done' | 'error';

/** Runs the port contract cases on the open workbook and shows each result, with a report to copy. */
export default function SelfTestPanel({ host, onClose }: { host: Host; onClose: () => void }) {
  const s = useStyles();
  const [results, setResults] = useState<PortCaseResult[]>([]);
  const [phase, setPhase] = useState<Phase>('running');
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState<string>();
  const [at] = useState(() => new Date());
  const info = useMemo(() => excelHostInfo(), []);
  const reportRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let alive = true;
    void (async () => {
      try {
        const port = await host.ensureWorkbook('自己診断');
        await runPortCases(port, (result) => alive && setResults((previous) => [...previous, result]));
        if (alive) setPhase('done');
      } catch (e) {
        if (!alive) return;
        setError(officeErrorMessage(e));
        setPhase('error');
      } finally {
        host.touch();
      }
    })();
    return () => {
      alive = false;
    };
  }, [host]);

  const report = selfTestReport(info, results, PORT_CASES.length, at);
  const failed = results.filter((r) => !r.ok).length;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report);
      setCopied('結果をコピーしました。メールなどに貼り付けて送ってください。');
    } catch {
      // Some Office webviews refuse the clipboard API: select the text for Ctrl+C instead.
      reportRef.current?.select();
      setCopied('コピーできませんでした。下の欄の文字を選択したので、Ctrl+C でコピーしてください。');
    }
  };

  return (
    <div className={s.root}>
      <strong>自己診断</strong>
      <Caption1>{`Excel ${info.version}（${info.platform}）・ExcelApi ${info.excelApi ?? '不明'}`}</Caption1>
      {phase === 'running' && (
        <ProgressBar value={results.length / PORT_CASES.length} aria-label="自己診断の進み具合" />
      )}
      {phase === 'done' && (
        <MessageBar intent={failed === 0 ? 'success' : 'warning'} role="status">
          <MessageBarBody>
            {failed === 0
              ? `全 ${results.length} 件 合格しました。`
              : `${results.length} 件中 ${failed} 件が不合格でした。「結果をコピー」で結果を送ってください。`}
          </MessageBarBody>
        </MessageBar>
      )}
      {phase === 'error' && error && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{`自己診断を最後まで実行できませんでした。${error}`}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={s.list} aria-label="診断項目">
        {results.map((r) => (
          <li key={r.name}>
            <span className={r.ok ? s.pass : s.fail}>{r.ok ? '✓ 合格' : '✗ 不合格'}</span> {r.label}
            {!r.ok && <span className={s.why}>{r.message}</span>}
          </li>
        ))}
      </ul>
      {phase !== 'running' && (
        <>
          <div className={s.actions}>
            <Button appearance="primary" onClick={() => void copy()}>
              結果をコピー
            </Button>
            <Button appearance="subtle" onClick={onClose}>
              閉じる
            </Button>
          </div>
          {copied && <Caption1 role="status">{copied}</Caption1>}
          <Textarea
            ref={reportRef}
            className={s.report}
            readOnly
            resize="vertical"
            rows={6}
            value={report}
            aria-label="診断結果（送る文章）"
          />
        </>
      )}
    </div>
  );
}
