import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeFixtures, type Fixtures } from './fixtures';
import { serveStatic } from './staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    fixtures: Fixtures;
  }
}

/** Once per run: the fixture workbooks (the repo's own builders) and a static server over dist/. */
export default async function setup(project: TestProject) {
  const dist = resolve(import.meta.dirname, '../../dist');
  if (!existsSync(join(dist, 'taskpane.html')))
    throw new Error('dist/taskpane.html is missing: run `npm run build` (npm run test:e2e does).');
  const dir = mkdtempSync(join(tmpdir(), 'suishin-e2e-'));
  const fixtures = await writeFixtures(dir);
  const server = await serveStatic(dist);
  project.provide('baseUrl', server.url);
  project.provide('fixtures', fixtures);
  return async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
