#!/usr/bin/env node
// The `suishin` command (package.json "bin"): runs src/cli/main.ts through tsx's ESM loader, so the CLI
// is the TypeScript source itself, with no build step (`npx suishin --help` after `npm ci`).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// `suishin extract … | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
