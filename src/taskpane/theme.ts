/**
 * Light or dark: Office's theme when the pane runs inside Office (its body background colour),
 * else the browser's `prefers-color-scheme`, followed live.
 */
import { useEffect, useState } from "react";

/** Relative luminance of "#rrggbb" (0 black … 1 white); undefined when not a colour. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDarkOfficeTheme(theme: { bodyBackgroundColor?: string } | undefined): boolean | undefined {
  const l = luminance(theme?.bodyBackgroundColor);
  return l === undefined ? undefined : l < 0.35;
}

function prefersDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Whether to use the dark theme; follows the system setting when Office gives none. */
export function useDarkMode(officeTheme: { bodyBackgroundColor?: string } | undefined): boolean {
  const fromOffice = isDarkOfficeTheme(officeTheme);
  const [system, setSystem] = useState(prefersDark);
  useEffect(() => {
    if (fromOffice !== undefined || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => setSystem(query.matches);
    query.addEventListener?.("change", onChange);
    return () => query.removeEventListener?.("change", onChange);
  }, [fromOffice]);
  return fromOffice ?? system;
}
