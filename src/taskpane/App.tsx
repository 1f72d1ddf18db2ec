import { MessageBar, MessageBarBody, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons/svg/checkmark-circle';
import { DataBarVerticalRegular } from '@fluentui/react-icons/svg/data-bar-vertical';
import { DocumentTableRegular } from '@fluentui/react-icons/svg/document-table';
import { TextBulletListTreeRegular } from '@fluentui/react-icons/svg/text-bullet-list-tree';
import { useCallback, useState, type ReactElement, type ReactNode } from 'react';
import { Header } from './components/Header';
import { LazyOperationStatus } from './components/LazyOperationStatus';
import { LiveRegion } from './components/LiveRegion';
import { UnsavedChangesDialog } from './components/UnsavedChangesDialog';
import { currentFiscalYear } from './fiscal';
import { focusWhenShown } from './focus';
import type { Host, HostSnapshot } from './host';
import { useBeforeUnload } from './hooks/useBeforeUnload';
import { useHostSnapshot } from './hooks/useHostSnapshot';
import { useFileCommands } from './hooks/useFileCommands';
import { useOpenGuard } from './hooks/useOpenGuard';
import type { OperationState } from './hooks/useOperation';
import { planErrorPart } from '../app/planErrors';
import { useWorkbookPlan } from './hooks/useWorkbookPlan';
import { BuildPanel, ConsolidatePanel, ValidatePanel, type PanelProps } from './tabs/panels';
import { SelfTestEntry } from './selfTest/SelfTestEntry';
import { PlanTab } from './tabs/PlanTab';
import { usePlanTab } from './tabs/usePlanTab';
import type { WorkbookPlan } from './workbookPlan';

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
  tab: {
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    minWidth: 0,
    // At 320 px (a narrow pane, 400 % zoom) the four tabs fit without scrolling, focus rings included.
    '@media (max-width: 340px)': {
      paddingLeft: tokens.spacingHorizontalXS,
      paddingRight: tokens.spacingHorizontalXS,
    },
  },
  notice: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  main: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

/**
 * The whole pane: header, four tabs. All state lives in hooks; the tabs get data and callbacks. The first
 * screen (header, tabs, the 体系 tab) is in the initial chunk; the other tabs load when first chosen or
 * when the pane is idle (tabs/panels.tsx), and then stay mounted.
 */
export function App(props: { host: Host; today?: Date }) {
  return (
    <LiveRegion>
      <Pane {...props} />
    </LiveRegion>
  );
}

/** App inside its live region: the operations of its hooks announce into it (useOperation). */
function Pane({ host, today = new Date() }: { host: Host; today?: Date }) {
  const s = useStyles();
  const snapshot = useHostSnapshot(host);
  const { plan, reload } = useWorkbookPlan(host);
  const { tab, opened, choose } = useOpenedTabs();
  const found = plan.status === 'found' ? plan.reading : undefined;
  const around = currentFiscalYear(today);
  const file = useFileCommands(host, found?.fiscalYear ?? around);
  const planTab = usePlanTab(host);
  const open = host.open;
  // File mode: the browser holds the only copy, so leaving or opening another file asks while it is unsaved.
  useBeforeUnload(snapshot.unsaved);
  const guard = useOpenGuard(snapshot.unsaved, file);

  // A button that leads to another tab leaves with its panel: the focus goes to the tab it opened (it fell
  // to the page, and a keyboard user started again from the top).
  const goTo = useCallback(
    (id: TabId) => {
      choose(id);
      focusWhenShown(`tab-${id}`);
    },
    [choose],
  );
  const goToPlan = useCallback(() => goTo('plan'), [goTo]);
  const goToValidate = useCallback(() => goTo('validate'), [goTo]);
  const panel = panelProps(host, snapshot, found, { today, around, onGoToPlan: goToPlan });
  const busy = file.state.phase === 'running' || planTab.insertState.phase === 'running';
  return (
    <div className={s.root}>
      <Header
        mode={host.mode}
        name={snapshot.name}
        busy={busy}
        unsaved={snapshot.unsaved}
        {...(open && { onOpen: guard.request })}
        {...(host.saveCurrent && snapshot.port && { onSave: file.onSave })}
      />
      {open && (
        <UnsavedChangesDialog
          file={guard.pending}
          current={snapshot.name}
          onDownloadFirst={guard.downloadFirst}
          onOpenAnyway={guard.openAnyway}
          onCancel={guard.cancel}
        />
      )}
      <FileNotices
        state={file.state}
        showFileMode={host.mode === 'file' && snapshot.port === undefined}
        className={s.notice}
      />
      <main className={s.main}>
        <TabBar tab={tab} onChoose={choose} className={s.tabs} tabClassName={s.tab} />
        <TabPanel id="plan" tab={tab}>
          <PlanTab
            mode={host.mode}
            plan={plan}
            busy={busy}
            insertState={planTab.insertState}
            selection={planTab.selection.selection}
            selectionError={planTab.selection.error}
            onReload={reload}
            {...(open && { onOpenFile: guard.request })}
            onInsertSample={planTab.insertSample}
            onInsertTemplate={planTab.insertTemplate}
            onInsertForm={planTab.insertForm}
            onSelectFinding={(f, key) => void planTab.selection.select(f, key)}
            onGoToValidate={goToValidate}
          />
          {host.mode === 'excel' && <SelfTestEntry host={host} />}
        </TabPanel>
        <TabPanel id="build" tab={tab}>
          {opened.has('build') && <BuildPanel {...panel} />}
        </TabPanel>
        <TabPanel id="validate" tab={tab}>
          {opened.has('validate') && <ValidatePanel {...panel} />}
        </TabPanel>
        <TabPanel id="consolidate" tab={tab}>
          {opened.has('consolidate') && <ConsolidatePanel {...panel} />}
        </TabPanel>
      </main>
    </div>
  );
}

/** What every lazily loaded tab gets: the host, the workbook's 体系 and name, and the dates. */
function panelProps(
  host: Host,
  snapshot: HostSnapshot,
  found: WorkbookPlan | undefined,
  rest: Pick<PanelProps, 'today' | 'around' | 'onGoToPlan'>,
): PanelProps {
  return {
    host,
    plan: found?.plan,
    planYear: found?.fiscalYear,
    planTitle: found?.title,
    form: found?.form,
    formSheet: found?.formSheet,
    planError: found && planErrorPart(found),
    name: snapshot.name,
    hasWorkbook: snapshot.port !== undefined,
    revision: snapshot.revision,
    ...rest,
  };
}

/** The chosen tab, and the tabs shown at least once: they stay mounted (hidden), so each keeps its state. */
function useOpenedTabs(): { tab: TabId; opened: ReadonlySet<TabId>; choose: (id: TabId) => void } {
  const [tab, setTab] = useState<TabId>('plan');
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set(['plan']));
  const choose = useCallback((id: TabId) => {
    setTab(id);
    setOpened((was) => (was.has(id) ? was : new Set([...was, id])));
  }, []);
  return { tab, opened, choose };
}

/** Under the header: the open/save operation while it runs or failed, else (file mode, no workbook) what file mode is. */
function FileNotices({
  state,
  showFileMode,
  className,
}: {
  state: OperationState;
  showFileMode: boolean;
  className: string;
}) {
  return (
    <>
      {state.phase !== 'idle' && state.phase !== 'done' && (
        <div className={className}>
          <LazyOperationStatus state={state} />
        </div>
      )}
      {showFileMode && state.phase === 'idle' && (
        <div className={className}>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{FILE_MODE_NOTICE}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </>
  );
}

function TabBar({
  tab,
  onChoose,
  className,
  tabClassName,
}: {
  tab: TabId;
  onChoose: (id: TabId) => void;
  className: string;
  tabClassName: string;
}) {
  return (
    <TabList
      className={className}
      selectedValue={tab}
      onTabSelect={(_, d) => onChoose(d.value as TabId)}
      size="small"
      aria-label="機能"
    >
      {TABS.map((t) => (
        <Tab
          key={t.id}
          className={tabClassName}
          id={`tab-${t.id}`}
          value={t.id}
          icon={t.icon}
          aria-controls={`panel-${t.id}`}
        >
          {t.label}
        </Tab>
      ))}
    </TabList>
  );
}

function TabPanel({ id, tab, children }: { id: TabId; tab: TabId; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id}>
      {children}
    </div>
  );
}
