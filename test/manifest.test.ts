/**
 * Offline checks of manifest.xml's invariants. Microsoft's validator (`npm run validate`) needs
 * the internet; these do not, and they catch what most often breaks a sideload: elements out of
 * schema order, a resid with no resource, an http URL, a missing icon, a localhost URL left in a
 * production manifest.
 *
 * The XML is read with the small strict parser below rather than a dependency: the manifest is
 * our own file, with no DTD, CDATA or entities beyond the predefined five, and the parser throws
 * on anything else (unbalanced or unknown markup, stray "<" or "&", duplicate attributes), so it
 * also checks well-formedness.
 */
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { rewriteManifest, resolveAddinUrl, PLACEHOLDER_URL } from "../scripts/manifest-url";

const ROOT = join(__dirname, "..");
const MANIFEST_ID = "068adb86-a547-4bef-a635-5bd9343c2489";

// ---- a small strict XML reader ------------------------------------------------------------------

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&([^;\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new Error(`bare "&" in ${JSON.stringify(s)}`);
    if (name in ENTITIES) return ENTITIES[name];
    const num = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(name);
    if (num) return String.fromCodePoint(num[1][0] === "x" ? parseInt(num[1].slice(1), 16) : parseInt(num[1], 10));
    throw new Error(`unknown entity &${name};`);
  });
}

function parseXml(src: string): XmlElement {
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<[^<>]*>|[^<]+|</g;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let first = true;
  for (const [tok] of src.matchAll(token)) {
    if (tok.startsWith("<?")) {
      if (!first || !/^<\?xml\s[^>]*\?>$/.test(tok)) throw new Error(`unexpected processing instruction ${tok}`);
    } else if (tok.startsWith("<!--")) {
      if (tok.slice(4, -3).includes("--")) throw new Error(`"--" inside a comment`);
    } else if (tok.startsWith("</")) {
      const name = /^<\/([\w:.-]+)\s*>$/.exec(tok)?.[1];
      const open = stack.pop();
      if (!name || !open || open.name !== name) throw new Error(`mismatched ${tok} (open: ${open?.name ?? "none"})`);
    } else if (tok.startsWith("<")) {
      const m = /^<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>$/.exec(tok);
      if (!m) throw new Error(`malformed tag ${tok.slice(0, 80)}`);
      const attrs: Record<string, string> = {};
      for (const a of m[2].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} in <${m[1]}>`);
        attrs[a[1]] = decode(a[2] ?? a[3]);
      }
      const el: XmlElement = { name: m[1], attrs, children: [], text: "" };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error("more than one root element");
      else root = el;
      if (!m[3]) stack.push(el);
    } else {
      if (!stack.length) {
        if (tok.trim()) throw new Error(`text outside the root element: ${tok.trim().slice(0, 40)}`);
      } else {
        stack[stack.length - 1].text += decode(tok);
      }
    }
    first = false;
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (!root) throw new Error("no root element");
  return root;
}

/** Local name, without the namespace prefix ("bt:Image" → "Image"). */
const local = (name: string) => name.replace(/^.*:/, "");
const kids = (el: XmlElement, name?: string) => el.children.filter((c) => name === undefined || local(c.name) === name);
function child(el: XmlElement, name: string): XmlElement {
  const found = kids(el, name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}
function* walk(el: XmlElement, path: XmlElement[] = []): Generator<[XmlElement, XmlElement[]]> {
  yield [el, path];
  for (const c of el.children) yield* walk(c, [...path, el]);
}

/** Fails unless every child of `el` is named in `order` and they appear in that order. */
function expectSchemaOrder(el: XmlElement, order: string[]): void {
  const names = el.children.map((c) => local(c.name));
  const unknown = names.filter((n) => !order.includes(n));
  expect({ element: el.name, unknown }).toEqual({ element: el.name, unknown: [] });
  const positions = names.map((n) => order.indexOf(n));
  const sorted = [...positions].sort((a, b) => a - b);
  expect({ element: el.name, order: names }).toEqual({ element: el.name, order: sorted.map((i) => order[i]) });
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---- the manifest -------------------------------------------------------------------------------

const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const app = parseXml(xml);
const overrides = child(app, "VersionOverrides");
const resources = child(overrides, "Resources");

/** resid → [resource group, value]. */
const resourceById = new Map<string, { group: string; value: string }>();
for (const group of resources.children) {
  for (const entry of group.children) {
    expect(resourceById.has(entry.attrs.id)).toBe(false);
    resourceById.set(entry.attrs.id, { group: local(group.name), value: entry.attrs.DefaultValue });
  }
}
const resolve = (resid: string) => {
  const r = resourceById.get(resid);
  if (!r) throw new Error(`resid ${resid} has no resource`);
  return r.value;
};

/** Every URL the manifest names, with where it was found. */
function urlsIn(root: XmlElement): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const [el] of walk(root)) {
    for (const [k, v] of Object.entries(el.attrs)) {
      if (k.startsWith("xmlns")) continue; // namespace names, never fetched
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) out.push({ where: `${el.name}@${k}`, url: v });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(el.text.trim())) out.push({ where: el.name, url: el.text.trim() });
  }
  return out;
}

describe("manifest.xml", () => {
  test("is well-formed: an OfficeApp task pane add-in", () => {
    expect(local(app.name)).toBe("OfficeApp");
    expect(app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(overrides.attrs.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(overrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("the strict reader rejects malformed XML (so a pass means well-formed)", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow(/mismatched/);
    expect(() => parseXml("<a x='1' x='2'/>")).toThrow(/duplicate/);
    expect(() => parseXml("<a>fish & chips</a>")).toThrow(/&/);
    expect(() => parseXml("<a><b></a>")).toThrow();
    expect(() => parseXml("<a/><b/>")).toThrow(/root/);
    expect(parseXml("<a x=\"&lt;1&gt;\"><b>t&amp;c</b></a>").children[0].text).toBe("t&c");
  });

  test("top-level elements are present and in the order the OfficeApp schema requires", () => {
    const required = [
      "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
      "Permissions", "VersionOverrides",
    ];
    // TaskPaneApp sequence, with the optional elements we do not use in their places.
    const schema = [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
      "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
      "DefaultSettings", "Permissions", "AllowSnapshot", "Dictionary", "VersionOverrides", "ExtendedOverrides",
    ];
    for (const name of required) expect(kids(app, name).map((c) => local(c.name))).toEqual([name]);
    expectSchemaOrder(app, schema);
  });

  test("nested elements are in schema order too", () => {
    expectSchemaOrder(overrides, ["Description", "Requirements", "Hosts", "Resources", "EquivalentAddins", "VersionOverrides"]);
    expectSchemaOrder(resources, ["Images", "Urls", "ShortStrings", "LongStrings"]);
    expectSchemaOrder(child(app, "DefaultSettings"), ["SourceLocation", "RequestedWidth", "RequestedHeight"]);
    for (const [el] of walk(overrides)) {
      const n = local(el.name);
      if (n === "DesktopFormFactor") expectSchemaOrder(el, ["GetStarted", "FunctionFile", "ExtensionPoint"]);
      if (n === "GetStarted") expectSchemaOrder(el, ["Title", "Description", "LearnMoreUrl"]);
      if (n === "Group") expectSchemaOrder(el, ["Label", "Icon", "Control"]);
      if (n === "Control") expectSchemaOrder(el, ["Label", "Supertip", "Icon", "Action"]);
      if (n === "Supertip") expectSchemaOrder(el, ["Title", "Description"]);
      if (n === "Action") expectSchemaOrder(el, ["TaskpaneId", "SourceLocation", "Title", "FunctionName"]);
    }
  });

  test("has a fixed GUID id (changing it makes Office treat it as a different add-in)", () => {
    const id = child(app, "Id").text.trim();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(id).toBe(MANIFEST_ID);
    expect(child(app, "Version").text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("is Vietnamese-first, an Excel workbook add-in with ReadWriteDocument", () => {
    expect(child(app, "DefaultLocale").text.trim()).toBe("vi-VN");
    expect(child(app, "DisplayName").attrs.DefaultValue).toBe("CCHC Phụ lục");
    expect(child(app, "Description").attrs.DefaultValue).toMatch(/cải cách hành chính/);
    expect(kids(child(app, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(child(app, "Permissions").text.trim()).toBe("ReadWriteDocument");
  });

  test("requires ExcelApi 1.7 or later (later sets are detected at run time)", () => {
    const sets = child(child(app, "Requirements"), "Sets");
    const excel = kids(sets, "Set").filter((s) => s.attrs.Name === "ExcelApi");
    expect(excel).toHaveLength(1);
    const [major, minor] = excel[0].attrs.MinVersion.split(".").map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(7);
  });

  test("every URL is https and a valid URL", () => {
    const urls = urlsIn(app);
    expect(urls.length).toBeGreaterThan(5);
    for (const { where, url } of urls) {
      expect({ where, url, https: url.startsWith("https://") }).toEqual({ where, url, https: true });
      expect(() => new URL(url)).not.toThrow();
    }
  });

  test("every resid resolves to a resource of the right kind, and every resource is used", () => {
    const kindFor = (el: XmlElement, parent: XmlElement | undefined): string => {
      const n = local(el.name);
      if (n === "Image") return "Images";
      if (n === "Label" || n === "Title") return "ShortStrings";
      if (n === "Description") return "LongStrings";
      if (n === "FunctionFile" || n === "SourceLocation" || n === "LearnMoreUrl") return "Urls";
      throw new Error(`resid on unexpected element <${el.name}> in <${parent?.name}>`);
    };
    const used = new Set<string>();
    for (const [el, path] of walk(child(overrides, "Hosts"))) {
      if (!("resid" in el.attrs)) continue;
      const resid = el.attrs.resid;
      expect(resid.length).toBeLessThanOrEqual(32); // schema limit
      const res = resourceById.get(resid);
      expect({ resid, found: Boolean(res) }).toEqual({ resid, found: true });
      expect({ resid, group: res?.group }).toEqual({ resid, group: kindFor(el, path[path.length - 1]) });
      used.add(resid);
    }
    expect([...resourceById.keys()].filter((id) => !used.has(id))).toEqual([]);
    for (const [id, { group, value }] of resourceById) {
      expect(id.length).toBeLessThanOrEqual(32);
      if (group === "ShortStrings") expect(value.length).toBeLessThanOrEqual(125);
      if (group === "LongStrings") expect(value.length).toBeLessThanOrEqual(250);
    }
  });

  test("a «CCHC Phụ lục» button on the Home tab opens the task pane", () => {
    const tabs = [...walk(overrides)].map(([el]) => el).filter((el) => local(el.name) === "OfficeTab");
    expect(tabs.map((t) => t.attrs.id)).toEqual(["TabHome"]);
    const buttons = [...walk(tabs[0])].map(([el]) => el).filter((el) => local(el.name) === "Control");
    expect(buttons).toHaveLength(1);
    const button = buttons[0];
    expect(button.attrs["xsi:type"]).toBe("Button");
    expect(resolve(child(button, "Label").attrs.resid)).toBe("CCHC Phụ lục");
    const action = child(button, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    const paneUrl = child(child(app, "DefaultSettings"), "SourceLocation").attrs.DefaultValue;
    expect(resolve(child(action, "SourceLocation").attrs.resid)).toBe(paneUrl);
    const sizes = kids(child(button, "Icon"), "Image").map((i) => i.attrs.size);
    expect(sizes).toEqual(["16", "32", "80"]);
  });

  test("development URLs point at files the dev server serves, icons have their declared sizes", () => {
    const sourceFor: Record<string, string> = {
      "/taskpane.html": "src/taskpane/taskpane.html",
      "/commands.html": "src/commands/commands.html",
    };
    for (const { where, url } of urlsIn(app)) {
      const u = new URL(url);
      expect({ where, origin: u.origin }).toEqual({ where, origin: "https://localhost:3000" });
      if (u.pathname === "/" || u.pathname === "") continue; // AppDomain
      const file = sourceFor[u.pathname] ?? u.pathname.slice(1);
      expect({ url, exists: existsSync(join(ROOT, file)) }).toEqual({ url, exists: true });
    }
    const expectIcon = (url: string, size: number) => {
      const file = join(ROOT, new URL(url).pathname.slice(1));
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    };
    expectIcon(child(app, "IconUrl").attrs.DefaultValue, 32);
    expectIcon(child(app, "HighResolutionIconUrl").attrs.DefaultValue, 64);
    for (const [el] of walk(child(overrides, "Hosts"))) {
      if (local(el.name) === "Image") expectIcon(resolve(el.attrs.resid), Number(el.attrs.size));
    }
  });

  test("AppDomains list origins only", () => {
    for (const d of kids(child(app, "AppDomains"), "AppDomain")) {
      const u = new URL(d.text.trim());
      expect(d.text.trim()).toBe(u.origin);
    }
  });
});

describe("production manifest (npm run build)", () => {
  const BASE = "https://cchc.example.vn/phu-luc/";

  test("rewriteManifest moves every localhost URL to the production URL", () => {
    const out = rewriteManifest(xml, BASE);
    expect(out).not.toMatch(/localhost/i);
    const prod = parseXml(out);
    for (const { where, url } of urlsIn(prod)) {
      const ok = url.startsWith(BASE) || url === "https://cchc.example.vn";
      expect({ where, url, ok }).toEqual({ where, url, ok: true });
    }
    expect(kids(child(prod, "AppDomains"), "AppDomain").map((d) => d.text.trim())).toEqual(["https://cchc.example.vn"]);
    // Nothing but the URLs changes: same id, same structure.
    expect(child(prod, "Id").text.trim()).toBe(MANIFEST_ID);
    expect(urlsIn(prod).map((u) => u.where)).toEqual(urlsIn(app).map((u) => u.where));
  });

  test("resolveAddinUrl: env ADDIN_URL wins over package.json, must be https and not localhost", () => {
    const pkg = { config: { addinUrl: "https://from-package.example.org/a" } };
    expect(resolveAddinUrl({ ADDIN_URL: "https://from-env.example.org/x" }, pkg)).toMatchObject({
      base: "https://from-env.example.org/x/",
      origin: "https://from-env.example.org",
      source: "ADDIN_URL",
    });
    expect(resolveAddinUrl({}, pkg).base).toBe("https://from-package.example.org/a/");
    expect(resolveAddinUrl({}, { config: { addinUrl: PLACEHOLDER_URL } }).isPlaceholder).toBe(true);
    expect(() => resolveAddinUrl({ ADDIN_URL: "http://plain.example.org/" }, pkg)).toThrow(/https/);
    expect(() => resolveAddinUrl({ ADDIN_URL: "https://localhost:3000/" }, pkg)).toThrow(/localhost/);
    expect(() => resolveAddinUrl({ ADDIN_URL: "not a url" }, pkg)).toThrow(/URL/);
    expect(() => resolveAddinUrl({}, {})).toThrow(/ADDIN_URL/);
  });

  test("webpack's production config writes the rewritten manifest to dist/manifest.xml", () => {
    const load = createRequire(__filename);
    type Config = { name?: string; plugins: unknown[] };
    const makeConfig = load("../webpack.config.js") as (env: object, argv: object) => Config | Config[];
    const saved = process.env.ADDIN_URL;
    process.env.ADDIN_URL = BASE;
    try {
      // `npm run build` builds the pane and the Google Sheets add-on; the manifest is the pane's.
      const configs = makeConfig({}, { mode: "production" });
      const config = Array.isArray(configs) ? configs.find((c) => c.name === "pane")! : configs;
      type Pattern = { from: string; to: string; transform?: (b: Buffer) => string };
      const copy = config.plugins.find((p) => Array.isArray((p as { patterns?: unknown }).patterns)) as { patterns: Pattern[] };
      const manifest = copy.patterns.find((p) => p.from === "manifest.xml");
      expect(manifest?.to).toBe("manifest.xml");
      const written = manifest?.transform?.(Buffer.from(xml, "utf8")) ?? xml;
      expect(written).not.toMatch(/localhost/i);
      expect(written).toContain(`${BASE}taskpane.html`);
      // and production pages load office.js from Microsoft's CDN, not a local copy
      expect(copy.patterns.some((p) => String(p.to).startsWith("office-js"))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  });
});
