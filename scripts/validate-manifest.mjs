#!/usr/bin/env node
// Offline validation of the add-in manifest (office-addin-manifest validate needs Microsoft's web service).
//   node scripts/validate-manifest.mjs [manifest.xml] [--root DIR]
// 1. Structure: xmllint --schema schemas/manifest/officeapp.xsd (element order, types, lengths, enumerations).
// 2. What a schema cannot say: the Id is a GUID, every URL is https, every resid points at a resource,
//    every icon file exists (relative to --root, default: the manifest's folder) with the declared pixel size.
// Exit 0 when valid; 1 with one line per problem otherwise; 2 when it could not run (no xmllint, no file).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA = path.join(repo, 'schemas', 'manifest', 'officeapp.xsd');
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const rootArg = rootAt >= 0 ? args.splice(rootAt, 2)[1] : undefined;
const manifest = path.resolve(args[0] ?? 'manifest.xml');
const root = path.resolve(rootArg ?? path.dirname(manifest));
const shown = path.relative(process.cwd(), manifest) || manifest;

function fail(code, message) {
  console.error(`${shown}: ${message}`);
  process.exit(code);
}

if (!existsSync(manifest)) fail(2, 'file not found');
if (spawnSync('xmllint', ['--version']).error) {
  fail(2, 'xmllint not found: install it with `apt-get install -y libxml2-utils` (Debian) and run again');
}

// 1. Schema
const schema = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, manifest], {
  encoding: 'utf8',
});
if (schema.status !== 0) {
  const lines = schema.stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !/fails to validate$/.test(l))
    .map((l) => l.replace(`${manifest}:`, 'line '));
  console.error(`${shown}: does not match the manifest schema (schemas/manifest/*.xsd):`);
  for (const line of lines) console.error(`  ${line}`);
  process.exit(1);
}

// 2. Checks across the document, with XPath over local names (the manifest mixes three namespaces).
const el = (name) => `*[local-name()='${name}']`;
function xpath(expr) {
  try {
    return execFileSync('xmllint', ['--nonet', '--xpath', expr, manifest], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return ''; // no match
  }
}
const attrs = (expr) =>
  [...xpath(expr).matchAll(/\b[\w:]+="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
const pairs = (expr, a, b) =>
  [
    ...xpath(expr).matchAll(
      new RegExp(
        `<[^>]*?\\b${a}="([^"]*)"[^>]*?\\b${b}="([^"]*)"|<[^>]*?\\b${b}="([^"]*)"[^>]*?\\b${a}="([^"]*)"`,
        'g',
      ),
    ),
  ].map((m) => (m[1] !== undefined ? [m[1], m[2]] : [m[4], m[3]]));

const problems = [];
const id = xpath(`string(/${el('OfficeApp')}/${el('Id')})`).trim();
if (!GUID.test(id)) problems.push(`<Id> must be a GUID, got "${id}"`);

const urls = [
  ...attrs(
    `//${el('IconUrl')}/@DefaultValue | //${el('HighResolutionIconUrl')}/@DefaultValue | //${el('SupportUrl')}/@DefaultValue`,
  ),
  ...attrs(`//${el('SourceLocation')}/@DefaultValue | //${el('Override')}[contains(@Value, '://')]/@Value`),
  ...attrs(
    `//${el('Resources')}//${el('Image')}/@DefaultValue | //${el('Resources')}//${el('Url')}/@DefaultValue`,
  ),
  ...xpath(`//${el('AppDomain')}/text()`)
    .split(/\s+/)
    .filter(Boolean),
];
for (const url of urls) if (!url.startsWith('https://')) problems.push(`URL must be https: ${url}`);

// Resource references: every resid must name a resource, every resource id must be unique.
const resourceIds = attrs(`//${el('Resources')}/*/*/@id`);
const duplicates = resourceIds.filter((x, i) => resourceIds.indexOf(x) !== i);
for (const d of new Set(duplicates)) problems.push(`resource id "${d}" is defined more than once`);
const resids = attrs('//*/@resid');
for (const r of new Set(resids))
  if (!resourceIds.includes(r)) problems.push(`resid="${r}" does not name any resource in <Resources>`);

// Icons: files exist under --root and have the declared size.
const base = new URL(
  '.',
  attrs(`/${el('OfficeApp')}/${el('DefaultSettings')}/${el('SourceLocation')}/@DefaultValue`)[0] ??
    'https://localhost/',
);
function pngSize(file) {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR')
    return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
function checkIcon(url, sizes, what) {
  if (!url.startsWith(base.href))
    return problems.push(`${what}: ${url} is not under the add-in's address ${base.href}`);
  const file = path.join(root, decodeURIComponent(url.slice(base.href.length)));
  if (!existsSync(file))
    return problems.push(`${what}: ${path.relative(process.cwd(), file)} does not exist`);
  const size = pngSize(file);
  if (!size) return problems.push(`${what}: ${path.relative(process.cwd(), file)} is not a PNG file`);
  if (size.width !== size.height || !sizes.includes(size.width))
    problems.push(
      `${what}: ${path.relative(process.cwd(), file)} is ${size.width}×${size.height} px, expected ${sizes.map((s) => `${s}×${s}`).join(' or ')}`,
    );
}
const iconUrl = attrs(`/${el('OfficeApp')}/${el('IconUrl')}/@DefaultValue`)[0];
if (iconUrl) checkIcon(iconUrl, [32, 64], '<IconUrl>');
const hiRes = attrs(`/${el('OfficeApp')}/${el('HighResolutionIconUrl')}/@DefaultValue`)[0];
if (hiRes) checkIcon(hiRes, [64, 128], '<HighResolutionIconUrl>');
const images = new Map(pairs(`//${el('Resources')}/${el('Images')}/${el('Image')}`, 'id', 'DefaultValue'));
const uses = pairs(`//${el('Icon')}/${el('Image')}`, 'size', 'resid');
for (const [size, resid] of uses) {
  const url = images.get(resid);
  if (url) checkIcon(url, [Number(size)], `<bt:Image size="${size}" resid="${resid}">`);
}

// The add-in is for Excel and states the API level it needs.
if (!xpath(`//${el('Hosts')}/${el('Host')}[@Name='Workbook']`))
  problems.push('<Hosts> must list <Host Name="Workbook"/>');
if (!xpath(`//${el('Requirements')}//${el('Set')}[@Name='ExcelApi']`))
  problems.push('<Requirements> must name the ExcelApi set the add-in needs');

const unique = [...new Set(problems)];
if (unique.length > 0) {
  console.error(`${shown}: ${unique.length} problem${unique.length > 1 ? 's' : ''}:`);
  for (const p of unique) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(
  `${shown}: valid (schema; Id is a GUID; ${urls.length} URLs are https; ${new Set(resids).size} resource references resolve; ${uses.length + 2} icons exist with the right size)`,
);
