import type { FormDefinition } from '../../domain/entry/formDefinition';
import type { Plan } from '../../domain/plan/types';
import { preloadOperationStatus } from '../components/LazyOperationStatus';
import { deferred } from '../deferred';
import type { Host } from '../host';
import type { PlanViewProps } from './PlanView';

/**
 * What the tabs other than the first screen need, each in a chunk of its own with its state hook and the
 * domain code behind it. App mounts a panel the first time its tab is chosen and keeps it mounted, so the
 * tab keeps its state (form, picked files, results) as before.
 */
export interface PanelProps {
  readonly host: Host;
  readonly plan: Plan | undefined;
  /** The 体系's own year and title (its title row), once read. */
  readonly planYear: number | undefined;
  readonly planTitle: string | undefined;
  /**
   * The form of the workbook's 様式 sheet, when it has one: sheets are built and read by it (formOf: the
   * built-in R2 form otherwise).
   */
  readonly form: FormDefinition | undefined;
  /** The 様式 sheet it was read from. */
  readonly formSheet: string | undefined;
  /** The part of the 体系 workbook with an error (planErrorPart): nothing is built or consolidated until fixed. */
  readonly planError: '体系' | '様式' | undefined;
  readonly name: string | undefined;
  readonly hasWorkbook: boolean;
  readonly revision: number;
  readonly today: Date;
  readonly around: number;
  readonly onGoToPlan: () => void;
}

export const BuildPanel = deferred<PanelProps>(
  async () => (await import(/* webpackChunkName: "tab-build" */ './BuildPanel')).BuildPanel,
);
export const ValidatePanel = deferred<PanelProps>(
  async () => (await import(/* webpackChunkName: "tab-validate" */ './ValidatePanel')).ValidatePanel,
);
export const ConsolidatePanel = deferred<PanelProps>(
  async () => (await import(/* webpackChunkName: "tab-consolidate" */ './ConsolidatePanel')).ConsolidatePanel,
);
/** PlanView's heading: where the focus goes once a workbook opened or a sample inserted shows it (PlanTab). */
export const PLAN_HEADING_ID = 'plan-heading';

/** The 体系 tab once a 体系 is found: counts, problems and the tree. */
export const PlanView = deferred<PlanViewProps>(
  async () => (await import(/* webpackChunkName: "plan-view" */ './PlanView')).PlanView,
  '体系を表示しています…',
);

/** What opening a workbook shows on the 体系 tab: its view and the progress bar. */
export const planPreloads: readonly (() => Promise<unknown>)[] = [PlanView.preload, preloadOperationStatus];
/** The other tabs' code. */
export const tabPreloads: readonly (() => Promise<unknown>)[] = [
  BuildPanel.preload,
  ValidatePanel.preload,
  ConsolidatePanel.preload,
];

/** Fetch every tab's code at once (tests start from here; the pane does it step by step, index.tsx). */
export const preloadPanels = (): Promise<unknown> =>
  Promise.all([...planPreloads, ...tabPreloads].map((preload) => preload()));
