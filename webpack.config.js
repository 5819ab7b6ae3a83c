// Task pane + ribbon command bundles.
//
//   npm run dev-server   https://localhost:3000 (self-signed certificate made by webpack-dev-server),
//                        office.js served from node_modules/@microsoft/office-js, manifest.xml as is
//   npm run build:dev    the same files written to dist/ (the browser tests build the same into
//                        test-output/web with --env outDir=test-output/web)
//   npm run build        production: office.js from Microsoft's CDN, dist/manifest.xml rewritten to
//                        ADDIN_URL (env) or package.json "config.addinUrl"
//
// The CLI is built apart, into lib/ (tsc -p tsconfig.cli.json); dist/ is only what a server serves.
"use strict";

const path = require("node:path");
const fs = require("node:fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
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

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "development";
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
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // workerpool's browser build names Node modules behind run-time checks it never takes in a page.
      fallback: { worker_threads: false, os: false, child_process: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              // ES modules so that webpack sees `import()` and splits xlsx code into its own chunk
              // (tsconfig.json's CommonJS is for jest and the CLI).
              compilerOptions: { module: "esnext", target: "es2017", sourceMap: !production },
            },
          },
        },
      ],
    },
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
};
