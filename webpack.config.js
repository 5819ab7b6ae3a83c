// Task pane + ribbon command bundles.
//
//   npm run dev-server   https://localhost:3000 (self-signed certificate made by webpack-dev-server),
//                        office.js served from node_modules/@microsoft/office-js, manifest.xml as is
//   npm run build:dev    the same files written to dist/ (the browser tests build the same into
//                        test-output/web with --env outDir=test-output/web)
//   npm run build        production: office.js from Microsoft's CDN, dist/manifest.xml rewritten to
//                        ADDIN_URL (env) or package.json "config.addinUrl"
//
//
// The Google Sheets add-on is built beside the pane, into dist/sheets/ (ready for `clasp push`):
//   Code.js          the Apps Script server (src/sheets/main.ts), bundled with gas-webpack-plugin
//   sidebar.html     the same React pane, ONE self-contained file (HtmlService serves no other
//                    file): a single chunk, its script inlined
//   appsscript.json  the manifest (V8, the two narrowest scopes)
// `npm run build` writes both; a build with --env outDir=… (the pane's browser tests) writes only
// the pane unless --env sheets=1, and so does a development build (dev server); --env sheets=only
// writes only the add-on, --env sheets=server only Code.js (test/sheets).
//
// The CLI is built apart, into lib/ (tsc -p tsconfig.cli.json); dist/ is only what a server serves.
"use strict";

const path = require("node:path");
const fs = require("node:fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const GasPlugin = require("gas-webpack-plugin");
const webpack = require("webpack");
const pkg = require("./package.json");
const { resolveAddinUrl, rewriteManifest, PLACEHOLDER_URL } = require("./scripts/manifest-url.js");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const DEV_PORT = 3000; // manifest.xml's URLs are https://localhost:3000/…

/**
 * The dev server's certificate. Desktop Excel only trusts a certificate in the system store: if
 * `office-addin-dev-certs install` was run (Windows/macOS, see scripts/start.mjs) its files are
 * used. Otherwise webpack-dev-server makes its own self-signed one (no sudo), which a browser
 * accepts once for Excel on the web.
 */
function devServerHttps() {
  const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
  const files = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };
  if (!fs.existsSync(path.join(dir, files.cert)) || !fs.existsSync(path.join(dir, files.key))) return "https";
  const options = {};
  for (const [k, f] of Object.entries(files)) {
    if (fs.existsSync(path.join(dir, f))) options[k] = fs.readFileSync(path.join(dir, f));
  }
  return { type: "https", options };
}

/**
 * The office.js files a local copy needs: the loader, the Excel host scripts it fetches next to
 * itself, and the English/Vietnamese strings. Other hosts, debug builds and locales are left out.
 */
function isNeededOfficeJsFile(absPath) {
  const rel = path.relative(OFFICE_JS_DIST, absPath).split(path.sep).join("/");
  if (rel.endsWith(".debug.js") || rel.endsWith("-vsdoc.js") || rel.endsWith(".d.ts")) return false;
  if (rel.includes("/")) return /^(en-us|vi-vn|telemetry|ariatelemetry)\//.test(rel);
  return /^(office|excel[-a-z0-9.]*|o15apptofilemappingtable|es6-promise)\.js$/.test(rel);
}

function paneConfig(env, mode) {
  const production = mode === "production";

  let addin = null;
  if (production) {
    addin = resolveAddinUrl(process.env, pkg);
    if (addin.isPlaceholder) {
      console.warn(
        `\n[build] Cảnh báo: dist/manifest.xml trỏ tới địa chỉ mẫu ${PLACEHOLDER_URL}.` +
          "\n        Đặt ADDIN_URL=https://máy-chủ-của-bạn/đường-dẫn/ rồi chạy lại npm run build." +
          `\n[build] Warning: dist/manifest.xml points at the placeholder ${PLACEHOLDER_URL};` +
          "\n        set ADDIN_URL=https://your-host/path/ and run npm run build again.\n",
      );
    } else {
      console.log(`[build] manifest URL: ${addin.base} (from ${addin.source})`);
    }
  }

  // Where the HTML pages load office.js from.
  const officeJs = production ? OFFICE_JS_CDN : "office-js/office.js";

  const copyPatterns = [{ from: "assets", to: "assets" }];
  copyPatterns.push({
    from: "manifest.xml",
    to: "manifest.xml",
    transform: production ? (content) => rewriteManifest(content.toString("utf8"), addin.base) : undefined,
  });
  if (!production) {
    copyPatterns.push({
      from: OFFICE_JS_DIST,
      to: "office-js",
      filter: (p) => isNeededOfficeJsFile(p),
    });
  }

  // "read-worker": the Web Worker that reads received files (src/xlsx/read-worker.browser.ts),
  // a self-contained file; the pane finds it through <meta name="cchc-read-worker">, a page that
  // cannot load other files inlines its text (src/xlsx/browser-pool.ts).
  const entry = { taskpane: "./src/taskpane/index.tsx", "read-worker": "./src/xlsx/read-worker.browser.ts" };
  const workerFile = (compilation) => compilation.entrypoints.get("read-worker").getFiles().find((f) => f.endsWith(".js"));
  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane"],
      templateParameters: (compilation) => ({ officeJs, readWorker: workerFile(compilation) }),
    }),
  ];
  if (fs.existsSync(path.join(__dirname, "src/commands/commands.ts"))) {
    entry.commands = "./src/commands/commands.ts";
    pages.push(
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJs },
      }),
    );
  }

  return {
    name: "pane",
    mode,
    // Office 2019 and later run add-ins in Edge (EdgeHTML or WebView2): ES2017 output for our code.
    target: ["web", "es2017"],
    devtool: production ? false : "source-map",
    entry,
    output: {
      // --env outDir=… lets the browser tests build into their own folder (test-output/web).
      path: path.resolve(__dirname, env.outDir || "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "chunks/[name].[contenthash:8].js" : "chunks/[name].js",
      publicPath: "auto",
      // dist/sheets/ is written by the add-on's builds, in parallel.
      clean: { keep: /^sheets[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      fallback: WORKERPOOL_NODE_FALLBACK,
      alias: SHEETJS_ESM,
    },
    module: { rules: [tsRule("es2017", !production)] },
    optimization: {
      splitChunks: { chunks: "async" },
    },
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 1.5 * 1024 * 1024,
      maxAssetSize: 1.5 * 1024 * 1024,
    },
    plugins: [...pages, new CopyWebpackPlugin({ patterns: copyPatterns })],
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      // No office-addin-dev-certs here (it installs a CA with sudo); see devServerHttps().
      server: devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
      devMiddleware: { writeToDisk: false },
      static: false,
    },
  };
}

/**
 * TypeScript through ts-loader, as ES modules so that webpack sees `import()` and splits xlsx
 * code into its own chunk (tsconfig.json's CommonJS is for jest and the CLI).
 */
function tsRule(target, sourceMap) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "esnext", target, sourceMap } },
    },
  };
}

// SheetJS's ES module build in every bundle: src/xlsx/sheetjs-lib.ts requires SheetJS on first
// use, and a require would otherwise resolve to its CommonJS build, which brings 470 KB of
// codepage tables with it.
const SHEETJS_ESM = { "@e965/xlsx$": path.resolve(__dirname, "node_modules/@e965/xlsx/xlsx.mjs") };

// workerpool's browser build names Node modules behind run-time checks it never takes in a page.
const WORKERPOOL_NODE_FALLBACK = { worker_threads: false, os: false, child_process: false };

const sheetsDir = (env) => path.resolve(__dirname, env.outDir || "dist", "sheets");

/** Code.js: Apps Script V8 runs ES2019+; no minification, so support can read it in the Apps Script editor. */
function sheetsServerConfig(env, mode) {
  return {
    name: "sheets-server",
    mode,
    target: ["es2019"],
    devtool: false,
    entry: { Code: "./src/sheets/main.ts" },
    // One file, no chunks: nothing is loaded at run time.
    output: { path: sheetsDir(env), filename: "[name].js", clean: false, chunkFormat: false, chunkLoading: false, wasmLoading: false },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: { rules: [tsRule("es2019", false)] },
    node: { global: true },
    optimization: { minimize: false, splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      new GasPlugin({ comment: false }),
      new CopyWebpackPlugin({ patterns: [{ from: "src/sheets/appsscript.json", to: "appsscript.json" }] }),
    ],
  };
}

/**
 * Puts every script of the page inside it (HtmlService serves one file): the tags get the code,
 * the .js files are dropped. "</script" inside the code is escaped so it cannot end the tag. The
 * read worker (entry `workerEntry`) goes in as text, `window.CCHC_READ_WORKER = { source }`, which
 * src/xlsx/browser-pool.ts runs from a Blob URL.
 */
class InlineScriptsPlugin {
  constructor(workerEntry) {
    this.workerEntry = workerEntry;
  }

  apply(compiler) {
    const workerEntry = this.workerEntry;
    compiler.hooks.compilation.tap("InlineScriptsPlugin", (compilation) => {
      const inlined = new Set();
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("InlineScriptsPlugin", (data) => {
        const workerFiles = compilation.entrypoints.get(workerEntry).getFiles().filter((f) => f.endsWith(".js"));
        if (workerFiles.length !== 1) throw new Error(`InlineScriptsPlugin: the read worker must be one file, not ${workerFiles.length}`);
        const workerText = JSON.stringify(compilation.getAsset(workerFiles[0]).source.source().toString())
          .replace(/<\/script/gi, "<\\/script")
          .replace(/<!--/g, "<\\!--");
        data.bodyTags.unshift({ tagName: "script", voidTag: false, meta: { plugin: "InlineScriptsPlugin" }, attributes: {}, innerHTML: `window.CCHC_READ_WORKER={source:${workerText}};` });
        inlined.add(workerFiles[0]);
        for (const tag of [...data.headTags, ...data.bodyTags]) {
          const src = tag.tagName === "script" && tag.attributes && tag.attributes.src;
          if (!src) continue;
          const name = src.replace(/^(\.\/|\/)/, "");
          const asset = compilation.getAsset(name);
          if (!asset) throw new Error(`InlineScriptsPlugin: no asset ${name}`);
          tag.innerHTML = asset.source.source().toString().replace(/<\/script/gi, "<\\/script");
          delete tag.attributes.src;
          inlined.add(name);
        }
        return data;
      });
      compilation.hooks.processAssets.tap({ name: "InlineScriptsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        for (const name of inlined) compilation.deleteAsset(name);
      });
    });
  }
}

/**
 * sidebar.html: the task pane in one chunk and the read worker as text, both inlined; boot.ts picks
 * the Sheets backend there.
 */
function sheetsSidebarConfig(env, mode) {
  const production = mode === "production";
  return {
    name: "sheets-sidebar",
    mode,
    target: ["web", "es2017"],
    devtool: false,
    entry: { sidebar: "./src/taskpane/index.tsx", "read-worker": "./src/xlsx/read-worker.browser.ts" },
    output: { path: sheetsDir(env), filename: "[name].js", publicPath: "", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"], fallback: WORKERPOOL_NODE_FALLBACK, alias: SHEETJS_ESM },
    module: { rules: [tsRule("es2017", false)] },
    performance: { hints: false },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      // Two files, both inlined: the sidebar (its lazy chunks merged in) and the read worker.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 2 }),
      new HtmlWebpackPlugin({ filename: "sidebar.html", template: "./src/sheets/sidebar.html", chunks: ["sidebar"], inject: "body", scriptLoading: "blocking", minify: production }),
      new InlineScriptsPlugin("read-worker"),
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "development";
  const sheets = [sheetsServerConfig(env, mode), sheetsSidebarConfig(env, mode)];
  if (env.sheets === "only") return sheets;
  if (env.sheets === "server") return sheets[0];
  const pane = paneConfig(env, mode);
  const withSheets = env.sheets || (mode === "production" && !env.outDir);
  return withSheets ? [pane, ...sheets] : pane;
};
