import { MessageBar, MessageBarBody, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons/svg/checkmark-circle';
import { DataBarVerticalRegular } from '@fluentui/react-icons/svg/data-bar-vertical';
import { DocumentTableRegular } from '@fluentui/react-icons/svg/document-table';
import { TextBulletListTreeRegular } from '@fluentui/react-icons/svg/text-bullet-list-tree';
import { useCallback, useState, type ReactElement } from 'react';
import { Header } from './components/Header';
import { LazyOperationStatus } from './components/LazyOperationStatus';
import { currentFiscalYear } from './fiscal';
import { XLSX_MIME, type Host } from './host';
import { useHostSnapshot } from './hooks/useHostSnapshot';
import { useOperation } from './hooks/useOperation';
import { useWorkbookPlan } from './hooks/useWorkbookPlan';
import { masterFileName } from './tabs/masterFileName';
import { BuildPanel, ConsolidatePanel, ValidatePanel, type PanelProps } from './tabs/panels';
import { SelfTestEntry } from './selfTest/SelfTestEntry';
import { PlanTab } from './tabs/PlanTab';
import { usePlanTab } from './tabs/usePlanTab';

export type TabId = 'plan' | 'build' | 'validate' | 'consolidate';
const TABS: readonly { id: TabId; label: string; icon: ReactElement }[] = [
  { id: 'plan', label: '体系', icon: <TextBulletListTreeRegular /> },
  { id: 'build', label: 'シート作成', icon: <DocumentTableRegular /> },
  { id: 'validate', label: '検証', icon: <CheckmarkCircleRegular /> },
  { id: 'consolidate', label: '集約', icon: <DataBarVerticalRegular /> },
];

/** One string: JSX would put a space between lines of Japanese text. */
const FILE_MODE_NOTICE =
  'Excel の外で動いています（ファイル モード）。ブックを開いて作業し、結果はダウンロードして保存します。ファイルはこのコンピューターの中だけで処理され、どこにも送信されません。';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    maxWidth: '880px',
    margin: '0 auto',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: {
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
  },
  tab: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS, minWidth: 0 },
  notice: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
});

/**
 * The whole pane: header, four tabs. All state lives in hooks; the tabs get data and callbacks. The first
 * screen (header, tabs, the 体系 tab) is in the initial chunk; the other tabs load when first chosen or
 * when the pane is idle (tabs/panels.tsx), and then stay mounted.
 */
export function App({ host, today = new Date() }: { host: Host; today?: Date }) {
  const s = useStyles();
  const snapshot = useHostSnapshot(host);
  const { plan, reload } = useWorkbookPlan(host);
  const [tab, setTab] = useState<TabId>('plan');
  // Tabs shown at least once stay mounted (hidden), so each keeps its state; the others are not loaded yet.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set(['plan']));
  const choose = useCallback((id: TabId) => {
    setTab(id);
    setOpened((was) => (was.has(id) ? was : new Set([...was, id])));
  }, []);
  const fileOp = useOperation();
  const found = plan.status === 'found' ? plan.reading : undefined;
  const around = currentFiscalYear(today);

  const planTab = usePlanTab(host);

  const open = host.open;
  const onOpen = useCallback(
    (file: File) =>
      void fileOp.run(async () => {
        const [input] = await host.readFiles([file]);
        if (!input || !open) return '';
        const opened = await open(input);
        if (!opened.ok) throw new Error(opened.error.message);
        return `「${input.file}」を開きました。`;
      }, `「${file.name}」を開いています`),
    [host, open, fileOp],
  );
  const onSave = useCallback(
    () =>
      void fileOp.run(async () => {
        const bytes = await host.saveCurrent?.();
        if (!bytes) throw new Error('保存するブックがありません。先にブックを開いてください。');
        const name = masterFileName(host.getSnapshot().name, found?.fiscalYear ?? around);
        host.download?.(name, bytes, XLSX_MIME);
        return `「${name}」をダウンロードしました。`;
      }),
    [host, fileOp, found, around],
  );

  const goToPlan = useCallback(() => choose('plan'), [choose]);
  const panel: PanelProps = {
    host,
    plan: found?.plan,
    planYear: found?.fiscalYear,
    planTitle: found?.title,
    name: snapshot.name,
    hasWorkbook: snapshot.port !== undefined,
    revision: snapshot.revision,
    today,
    around,
    onGoToPlan: goToPlan,
  };
  const busy = fileOp.state.phase === 'running' || planTab.insertState.phase === 'running';
  return (
    <div className={s.root}>
      <Header
        mode={host.mode}
        name={snapshot.name}
        busy={busy}
        {...(open && { onOpen })}
        {...(host.saveCurrent && snapshot.port && { onSave })}
      />
      {fileOp.state.phase !== 'idle' && fileOp.state.phase !== 'done' && (
        <div className={s.notice}>
          <LazyOperationStatus state={fileOp.state} />
        </div>
      )}
      {host.mode === 'file' && snapshot.port === undefined && fileOp.state.phase === 'idle' && (
        <div className={s.notice}>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{FILE_MODE_NOTICE}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <TabList
        className={s.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => choose(d.value as TabId)}
        size="small"
        aria-label="機能"
      >
        {TABS.map((t) => (
          <Tab
            key={t.id}
            className={s.tab}
            id={`tab-${t.id}`}
            value={t.id}
            icon={t.icon}
            aria-controls={`panel-${t.id}`}
          >
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="panel-plan" aria-labelledby="tab-plan" hidden={tab !== 'plan'}>
        <PlanTab
          mode={host.mode}
          plan={plan}
          busy={busy}
          insertState={planTab.insertState}
          selection={planTab.selection.selection}
          selectionError={planTab.selection.error}
          onReload={reload}
          {...(open && { onOpenFile: onOpen })}
          onInsertSample={planTab.insertSample}
          onInsertTemplate={planTab.insertTemplate}
          onSelectFinding={(f, key) => void planTab.selection.select(f, key)}
        />
        {host.mode === 'excel' && <SelfTestEntry host={host} />}
      </div>
      <div role="tabpanel" id="panel-build" aria-labelledby="tab-build" hidden={tab !== 'build'}>
        {opened.has('build') && <BuildPanel {...panel} />}
      </div>
      <div role="tabpanel" id="panel-validate" aria-labelledby="tab-validate" hidden={tab !== 'validate'}>
        {opened.has('validate') && <ValidatePanel {...panel} />}
      </div>
      <div
        role="tabpanel"
        id="panel-consolidate"
        aria-labelledby="tab-consolidate"
        hidden={tab !== 'consolidate'}
      >
        {opened.has('consolidate') && <ConsolidatePanel {...panel} />}
      </div>
    </div>
  );
}
