#!/usr/bin/env node
// npm stop: stop what `npm start` started. Only processes recorded by start.mjs are signalled
// (and only while they still look like ours); nothing is killed by name.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { PID_FILE, ROOT, findLocalBin } from "./dev-state.mjs";

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** On Linux, check that a recorded pid still belongs to node (pids are reused). */
function looksLikeOurs(pid) {
  if (process.platform !== "linux") return true;
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    return /node|webpack/.test(cmd);
  } catch {
    return false;
  }
}

let stopped = false;

if ((process.platform === "win32" || process.platform === "darwin") && findLocalBin("office-addin-debugging")) {
  const r = spawnSync(findLocalBin("office-addin-debugging"), ["stop", "manifest.xml"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  stopped = r.status === 0;
}

if (existsSync(PID_FILE)) {
  let state = {};
  try {
    state = JSON.parse(readFileSync(PID_FILE, "utf8"));
  } catch {
    /* unreadable: treated as stale */
  }
  for (const pid of [state.devServer, state.start]) {
    if (Number.isInteger(pid) && alive(pid) && looksLikeOurs(pid)) {
      process.kill(pid, "SIGTERM");
      stopped = true;
      console.log(`[stop] sent SIGTERM to ${pid}`);
    }
  }
  rmSync(PID_FILE, { force: true });
}

console.log(
  stopped
    ? "[stop] Đã dừng máy chủ phát triển / dev server stopped."
    : "[stop] Không có gì đang chạy do npm start khởi động / nothing started by npm start is running.",
);
