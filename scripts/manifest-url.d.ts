// Types for scripts/manifest-url.js (CommonJS, shared by webpack.config.js and the tests).
export declare const DEV_ORIGIN: string;
export declare const PLACEHOLDER_URL: string;
export interface ResolvedAddinUrl {
  /** Origin plus path, ending with "/". */
  base: string;
  origin: string;
  source: "ADDIN_URL" | "package.json config.addinUrl";
  isPlaceholder: boolean;
}
export declare function resolveAddinUrl(
  env: Record<string, string | undefined> | undefined,
  pkg: { config?: { addinUrl?: string } } | undefined,
): ResolvedAddinUrl;
export declare function rewriteManifest(xml: string, base: string): string;
