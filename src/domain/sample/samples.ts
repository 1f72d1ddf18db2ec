import { kpiSample } from './kpi';
import { r2Sample, type Sample } from './r2';

/** The built-in samples, by id: `r2` (上富良野町, the default) and `kpi` (the fictional こもれび町). */
const SAMPLES: readonly { readonly id: string; readonly load: () => Sample }[] = [
  { id: 'r2', load: r2Sample },
  { id: 'kpi', load: kpiSample },
];

export const DEFAULT_SAMPLE_ID = 'r2';

/** The ids `suishin demo --sample` accepts, in order. */
export const sampleIds = (): readonly string[] => SAMPLES.map((s) => s.id);

/** Every built-in sample, loaded. */
export const samples = (): readonly Sample[] => SAMPLES.map((s) => s.load());

/** The sample with this id, or undefined for an unknown id. */
export const sampleById = (id: string): Sample | undefined => SAMPLES.find((s) => s.id === id)?.load();
