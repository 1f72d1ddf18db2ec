#!/usr/bin/env node
// npm start: what the Office add-in template does (office-addin-debugging: dev server + sideload into
// desktop Excel) where desktop Excel exists. On Linux there is no desktop Excel: run the dev server and
// explain how to sideload into Excel on the web, and where file mode is. Ctrl+C stops everything.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) =>
  path.join(repo, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const extra = process.argv.slice(2);

/** Run a command in the foreground; forward Ctrl+C / termination to it and exit with it, without a stack trace. */
function run(command, args) {
  const child = spawn(command, args, { cwd: repo, stdio: 'inherit', shell: process.platform === 'win32' });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log('\n停止しています… / Stopping…');
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('error', (error) => {
    console.error(`起動できませんでした / Could not start ${path.basename(command)}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(stopping || signal ? 0 : (code ?? 1)));
}

if (process.platform !== 'linux') {
  // Windows / macOS: the template's behaviour (builds, starts the dev server, sideloads into desktop Excel).
  run(bin('office-addin-debugging'), ['start', 'manifest.xml', ...(extra.length > 0 ? extra : ['desktop'])]);
} else {
  const certs = path.join(homedir(), '.office-addin-dev-certs');
  const https =
    existsSync(path.join(certs, 'localhost.crt')) && existsSync(path.join(certs, 'localhost.key'));
  const origin = `${https ? 'https' : 'http'}://localhost:3000`;
  const manifest = path.join(repo, 'manifest.xml');
  const lines = [
    '',
    '推進 (Suishin) — 開発サーバーを起動します / starting the dev server',
    '',
    'このマシンにはデスクトップ版 Excel がありません (Linux)。Excel on the web に手動でサイドロードしてください:',
    `  1. ${https ? '' : '先に `npx office-addin-dev-certs install` で https 証明書を入れて、npm start をやり直します。\n  2. '}Excel on the web でブックを開き、[挿入] → [アドイン] → [個人用アドイン] → [マイ アドインの管理] → [アドインのアップロード]`,
    `     で ${manifest} をアップロードします。`,
    '  [ホーム] タブの [推進を開く] で作業ウィンドウが開きます。',
    '',
    'No desktop Excel on Linux. Sideload into Excel on the web by hand:',
    `  ${https ? '' : 'first install an https certificate with `npx office-addin-dev-certs install` and run npm start again, then '}open a workbook,`,
    '  Insert → Add-ins → My Add-ins → Manage My Add-ins → Upload My Add-in, and upload',
    `  ${manifest}. The pane opens from Home → 推進を開く (Open Suishin).`,
    '',
    `ファイル モード (Excel なし) / File mode (no Excel): ${origin}/taskpane.html`,
    'Ctrl+C で停止 / Ctrl+C to stop',
    '',
  ];
  console.log(lines.join('\n'));
  run(process.execPath, [
    path.join(repo, 'node_modules', 'webpack-cli', 'bin', 'cli.js'),
    'serve',
    '--mode',
    'development',
    ...extra,
  ]);
}
