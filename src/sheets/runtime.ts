/**
 * What Apps Script's V8 runtime lacks and the core needs, installed before anything else is
 * evaluated (main.ts imports this first). Apps Script has the ECMAScript built-ins but no web
 * APIs: no `URL`, which zod's `.url()` check (the target catalogue's source links, checked when
 * the catalogue loads) calls as `new URL(text)` only to see whether it throws. This stand-in
 * throws exactly when the text is not an absolute URL (scheme, "//", host); it parses nothing
 * else and nothing else in the bundle uses it.
 */
const scope = globalThis as { URL?: unknown };

if (typeof scope.URL === "undefined") {
  scope.URL = class URL {
    readonly href: string;
    constructor(text: string) {
      if (!/^[a-z][a-z\d+.-]*:\/\/[^\s/?#]+[^\s]*$/i.test(String(text))) throw new TypeError(`Invalid URL: ${text}`);
      this.href = String(text);
    }
    toString(): string {
      return this.href;
    }
  };
}

export {};
