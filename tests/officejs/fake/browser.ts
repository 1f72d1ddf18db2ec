// The in-memory Excel for a browser page (tests/e2e/selftest.e2e.ts bundles it with esbuild and injects it
// before the pane's scripts): the globals Excel, Office and OfficeExtension, and the fake for inspection.
import { createFakeExcel, installFakeExcel } from './fakeExcel';

(globalThis as Record<string, unknown>).__suishinFakeExcel = installFakeExcel(createFakeExcel());
