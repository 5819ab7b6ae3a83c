#!/usr/bin/env node
// npm run validate [-- FILE]: Microsoft's online manifest validation (office-addin-manifest
// validate), default manifest.xml; `npm run validate -- dist/manifest.xml` checks the production one.
// The service needs the internet; when it cannot be reached this says so plainly and points to
// the offline checks (test/manifest.test.ts), and exits 1.
import { spawnSync } from "node:child_process";
import { ROOT, findLocalBin } from "./dev-state.mjs";

const file = process.argv[2] ?? "manifest.xml";
const tool = findLocalBin("office-addin-manifest");
if (!tool) {
  console.error("[validate] office-addin-manifest not found: run `npm install` first.");
  process.exit(2);
}
const r = spawnSync(tool, ["validate", file], { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32" });
process.stdout.write(r.stdout ?? "");
process.stderr.write(r.stderr ?? "");
const out = `${r.stdout}\n${r.stderr}`;
if (r.status === 0 && !/Unable to contact|FetchError/i.test(out)) process.exit(0);
if (/Unable to contact|FetchError|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo|network/i.test(out)) {
  console.error(`
[validate] Không liên lạc được dịch vụ kiểm tra manifest của Microsoft (cần Internet).
           Kiểm tra ngoại tuyến: npx jest test/manifest.test.ts
[validate] Microsoft's manifest validation service could not be reached (it needs the internet).
           Offline checks of the manifest's invariants: npx jest test/manifest.test.ts`);
  process.exit(1);
}
console.error(`[validate] ${file}: the manifest did not pass validation (see above) / manifest chưa hợp lệ.`);
process.exit(r.status || 1);
