#!/usr/bin/env node
// npm start: run the add-in for development.
//
// - Windows / macOS with office-addin-debugging installed (not a dependency: its peer compiles a
//   keychain module that needs libsecret on Linux): it sideloads manifest.xml into desktop Excel
//   and runs `npm run dev-server` itself.
// - Everywhere else (Linux, where there is no desktop Excel, or without office-addin-debugging):
//   start the https dev server on https://localhost:3000 in the foreground and print how to
//   sideload manifest.xml into Excel on the web. No sudo, no office-addin-dev-certs:
//   webpack-dev-server makes its own self-signed certificate, which the browser accepts once.
//
// `npm stop` (scripts/stop.mjs) stops what this started; Ctrl+C works too.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PID_FILE, findLocalBin } from "./dev-state.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = 3000;
const URL_PANE = `https://localhost:${PORT}/taskpane.html`;
const MANIFEST = join(ROOT, "manifest.xml");
const args = process.argv.slice(2);
const forceWeb = args.includes("web") || process.env.CCHC_START === "web";

function officeAddinDebugging() {
  const local = findLocalBin("office-addin-debugging");
  if (local) return local;
  const which = spawnSync(process.platform === "win32" ? "where" : "which", ["office-addin-debugging"], {
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  const found = which.status === 0 ? which.stdout.split(/\r?\n/)[0].trim() : "";
  return found || null;
}

function portInUse(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(true));
    srv.once("listening", () => srv.close(() => resolve(false)));
    srv.listen(port, "localhost");
  });
}

function probe() {
  return new Promise((resolve) => {
    const req = request(URL_PANE, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

function printSideloadHelp() {
  const line = "─".repeat(78);
  console.log(`
${line}
 CCHC Phụ lục đang chạy tại / is being served at  ${URL_PANE}
${line}
 Tiếng Việt — nạp thử (sideload) vào Excel trên web:
  1. Mở ${URL_PANE} trong trình duyệt bạn dùng cho Excel,
     chấp nhận chứng chỉ tự ký một lần (Nâng cao → Tiếp tục truy cập localhost).
  2. Mở Excel trên web (https://excel.cloud.microsoft), mở hoặc tạo một sổ làm việc.
  3. Trang đầu → Phần bổ trợ → Thêm phần bổ trợ → Phần bổ trợ của tôi →
     Tải lên Phần bổ trợ của tôi → chọn tệp:
       ${MANIFEST}
  4. Bấm nút «CCHC Phụ lục» trên thẻ Trang đầu. Nếu trình duyệt hỏi quyền truy cập
     mạng cục bộ (localhost), hãy cho phép.

 English — sideload into Excel on the web:
  1. Open ${URL_PANE} in the browser you use for Excel and accept
     the self-signed certificate once (Advanced → Proceed to localhost).
  2. Open Excel on the web (https://excel.cloud.microsoft) and open or create a workbook.
  3. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in → choose:
       ${MANIFEST}
  4. Click «CCHC Phụ lục» on the Home tab. If the browser asks to allow access to
     your local network (localhost), allow it.

 Dừng / stop:  Ctrl+C  hoặc / or  npm stop
${line}
`);
}

async function startWebDevServer() {
  if (await portInUse(PORT)) {
    console.error(
      `[start] Cổng ${PORT} đang bận: có thể máy chủ phát triển đã chạy (npm stop để dừng).\n` +
        `[start] Port ${PORT} is already in use: a dev server may already be running (npm stop stops it).`,
    );
    process.exit(1);
  }
  const webpack = findLocalBin("webpack");
  if (!webpack) {
    console.error("[start] webpack not found: run `npm install` first / hãy chạy `npm install` trước.");
    process.exit(1);
  }
  console.log(`[start] webpack serve --mode development (https://localhost:${PORT}) …`);
  const child = spawn(webpack, ["serve", "--mode", "development"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  mkdirSync(dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, JSON.stringify({ start: process.pid, devServer: child.pid, port: PORT }) + "\n");
  const cleanup = () => rmSync(PID_FILE, { force: true });

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", (code, signal) => {
    cleanup();
    process.exit(stopping || signal ? 0 : (code ?? 1));
  });

  // Print the guide once the server answers, so it is not buried in webpack's output.
  for (let i = 0; i < 240 && !stopping; i++) {
    if (await probe()) {
      printSideloadHelp();
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main() {
  const desktop = (process.platform === "win32" || process.platform === "darwin") && !forceWeb;
  if (desktop) {
    const tool = officeAddinDebugging();
    if (tool) {
      console.log("[start] office-addin-debugging: sideloading manifest.xml into desktop Excel …");
      const r = spawnSync(
        tool,
        ["start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run dev-server", "--dev-server-port", String(PORT)],
        { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" },
      );
      process.exit(r.status ?? 1);
    }
    console.log(
      "[start] Không thấy office-addin-debugging: chạy máy chủ phát triển cho Excel trên web.\n" +
        "        Để nạp vào Excel trên máy tính / for desktop Excel:\n" +
        "          npm install -g office-addin-debugging office-addin-dev-certs\n" +
        "          office-addin-dev-certs install     (tin cậy chứng chỉ localhost / trusts a localhost certificate)\n" +
        "          npm start",
    );
  }
  if (!existsSync(MANIFEST)) {
    console.error(`[start] manifest.xml not found at ${MANIFEST}`);
    process.exit(1);
  }
  await startWebDevServer();
}

await main();
