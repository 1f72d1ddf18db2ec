// @ts-check
// Builds the task pane (dist/taskpane.html + chunks), the standalone file-mode page (dist/suishin.html: the
// same scripts, no office.js; opens from a shared folder by double-click), copies assets/ and manifest.xml.
//   npm run build                          production, manifest URLs stay https://localhost:3000/
//   ADDIN_URL=https://example.org/suishin/ npm run build   … manifest points at the deployed copy
//   npm run dev-server | npm start         https on localhost:3000 (office-addin-dev-certs), else http
//   npm run serve                          file mode over http://localhost:3000 (no certificates needed)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GriffelCSSExtractionPlugin } from '@griffel/webpack-extraction-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import webpack from 'webpack';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The first paint's CSS, inlined into both pages that boot the pane (one file, two pages). */
const BOOT_CSS = readFileSync(path.join(root, 'src/taskpane/boot/boot.css'), 'utf8').trim();

/**
 * exceljs.min.js and jszip.min.js ship minified: mark their chunks `minimized` before webpack's minimizer
 * runs, or it spends a minute on them for nothing (the minimizer skips assets marked so).
 */
class SkipMinifiedVendors {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SkipMinifiedVendors', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SkipMinifiedVendors', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          for (const name of Object.keys(assets))
            if (/^(exceljs-dist|jszip)[.-]/.test(name))
              compilation.updateAsset(name, assets[name], { minimized: true });
        },
      );
    });
  }
}
/**
 * The pane's CSS (Griffel's, extracted at build time: see module.rules) goes into the HTML as a <style> rather
 * than a file of its own: one request fewer before the first paint, and a page that any server can serve (a
 * host that sends .css with another type would leave the pane unstyled). The CSP allows inline styles. Done
 * once the HTML is minified and hashes are final, so the CSS is exactly as Griffel ordered it.
 */
class InlineCss {
  apply(compiler) {
    const { Compilation, sources } = webpack;
    compiler.hooks.thisCompilation.tap('InlineCss', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'InlineCss', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_HASH + 1 },
        (assets) => {
          const inlined = new Set();
          for (const page of Object.keys(assets).filter((name) => name.endsWith('.html'))) {
            const html = assets[page].source().toString();
            const out = html.replace(/<link\b[^>]*>/g, (tag) => {
              const href = /\shref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/.exec(tag);
              const file = href && (href[1] ?? href[2] ?? href[3]);
              if (!/\srel=["']?stylesheet\b/.test(tag) || !file || !assets[file]) return tag;
              const css = assets[file].source().toString();
              if (/<\/style/i.test(css)) throw new Error(`InlineCss: ${file} contains </style>`);
              inlined.add(file);
              return `<style>${css}</style>`;
            });
            if (out !== html) compilation.updateAsset(page, new sources.RawSource(out));
          }
          // Nothing loads the .css file any more.
          for (const file of inlined) compilation.deleteAsset(file);
        },
      );
    });
  }
}
const DEV_URL = 'https://localhost:3000/';
const PORT = Number(process.env.npm_package_config_dev_server_port ?? 3000);

/** The deployed base URL for the manifest (must be https and end with /). */
function addinUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\/[^\s]+\/$/.test(url))
    throw new Error(`ADDIN_URL must be an https URL ending with "/", got: ${url}`);
  return url;
}

/**
 * Content-Security-Policy of taskpane.html: scripts only from this origin and Microsoft's office.js CDN, under
 * both of its host names (appsforoffice.microsoft.com, and officeapis.public.onecdn.static.microsoft where
 * Microsoft moved it: office-js-docs-pr, 2026-09, as issue 15 reports);
 * the pane's CSS is a <style> in the page (InlineCss) and Fluent UI inserts its theme's variables at run
 * time, hence 'unsafe-inline' for styles; no other origin may be contacted (the pane never sends workbook
 * data anywhere).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com https://officeapis.public.onecdn.static.microsoft",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Content-Security-Policy of suishin.html, the file-mode page: scripts from beside it only (no office.js, no
 * CDN at all); nothing may be fetched from anywhere (connect-src 'none': the page reads files the user picks,
 * through the File API, and sends nothing). Opened from file://, 'self' is the page's folder.
 */
const FILE_MODE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Writes out/webpack/modules.json after each build: every chunk with its files and the source modules in it
 * (relative paths). tests/e2e/bundle.e2e.ts reads it to prove the add-in ships no test scaffolding (tests/).
 */
class ModuleList {
  apply(compiler) {
    compiler.hooks.done.tap('ModuleList', (stats) => {
      const { compilation } = stats;
      const root = compiler.context;
      const chunks = [...compilation.chunks].map((chunk) => ({
        name: chunk.name ?? String(chunk.id),
        files: [...chunk.files],
        modules: compilation.chunkGraph
          .getChunkModules(chunk)
          .flatMap((m) => (m.modules ? [m, ...m.modules] : [m]))
          .map((m) => m.resource)
          .filter((resource) => typeof resource === 'string')
          .map((resource) => path.relative(root, resource).split(path.sep).join('/')),
      }));
      const dir = path.join(root, 'out', 'webpack');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'modules.json'), JSON.stringify({ chunks }, null, 1));
    });
  }
}

/** office-addin-dev-certs' certificate, when `npx office-addin-dev-certs install` has made one. */
async function httpsOptions() {
  const dir = path.join(homedir(), '.office-addin-dev-certs');
  if (!existsSync(path.join(dir, 'localhost.crt')) || !existsSync(path.join(dir, 'localhost.key')))
    return undefined;
  try {
    const devCerts = await import('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    console.warn(
      `[suishin] HTTPS certificates could not be read (${error instanceof Error ? error.message : error}).`,
    );
    return undefined;
  }
}

export default async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const forceHttp = Boolean(env.http) || process.env.SUISHIN_HTTP === '1';
  const https = serving && !forceHttp ? await httpsOptions() : undefined;
  if (serving && !https) {
    console.warn(
      forceHttp
        ? '[suishin] Serving over http://localhost:3000 (file mode). Excel needs https: use `npm start` after `npx office-addin-dev-certs install`.'
        : '[suishin] No dev certificate found (~/.office-addin-dev-certs): serving over http://localhost:3000. File mode works; to sideload into Excel run `npx office-addin-dev-certs install` first.',
    );
  }
  const url = addinUrl();

  return {
    context: root,
    mode: dev ? 'development' : 'production',
    // No eval-based source maps: the CSP has no 'unsafe-eval'.
    devtool: 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.join(root, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Loaders run bottom-up: TypeScript to JS, then Griffel computes our makeStyles at build time (no
          // style resolving at start, and no CSS engine in the bundle), then the CSS leaves the JS for one
          // stylesheet (Griffel's order), which InlineCss puts in the page: nothing is inserted rule by rule.
          use: [
            { loader: GriffelCSSExtractionPlugin.loader },
            { loader: '@griffel/webpack-loader' },
            { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
          ],
        },
        {
          // Fluent's packages ship their styles precomputed: only the CSS moves out of their JS.
          test: /\.js$/,
          include: /[\\/]node_modules[\\/]@fluentui[\\/]/,
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
      ],
    },
    optimization: {
      // ExcelJS, JSZip and the R2 sample load on first use (dynamic import) and stay out of the first chunk.
      // The first screen's code comes as three scripts, not one: React, the other packages (Fluent), the pane.
      // In one script, React (CommonJS) sat inside one huge concatenated module that V8 parsed a second time on
      // the main thread when it first ran; as three, Chromium parses them side by side while they stream in.
      // Same bytes, interactive ~25% sooner (bench/pane.ts, interleaved A/B). A new pane also leaves React cached.
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            chunks: 'initial',
            enforce: true,
          },
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendors',
            chunks: 'initial',
            enforce: true,
            priority: -5,
          },
          excelJsDist: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/,
            name: 'exceljs-dist',
            chunks: 'async',
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new SkipMinifiedVendors(),
      new ModuleList(),
      new MiniCssExtractPlugin({
        filename: dev ? '[name].css' : '[name].[contenthash:8].css',
        chunkFilename: dev ? '[name].chunk.css' : '[name].[contenthash:8].chunk.css',
        // Griffel sorts its rules itself (one file, in its own bucket order).
        ignoreOrder: true,
      }),
      new GriffelCSSExtractionPlugin(),
      new InlineCss(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        csp: CSP,
        bootCss: BOOT_CSS,
        scriptLoading: 'defer',
        // The template places the script tag itself: before office.js (see taskpane.html).
        inject: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'suishin.html',
        template: './src/taskpane/suishin.html',
        chunks: ['taskpane'],
        csp: FILE_MODE_CSP,
        bootCss: BOOT_CSS,
        scriptLoading: 'defer',
        // The template places the tags (scripts and the CSS link InlineCss makes a <style>).
        inject: false,
      }),
      // The manifest's FunctionFile (office.js only: the ribbon button just shows the pane) and SupportUrl.
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/taskpane/commands.html',
        chunks: [],
        csp: CSP,
      }),
      new HtmlWebpackPlugin({
        filename: 'support.html',
        template: './src/taskpane/support.html',
        chunks: [],
        csp: CSP,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (url === DEV_URL ? content : content.toString().replaceAll(DEV_URL, url)),
          },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      host: 'localhost',
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : { type: 'http' },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
