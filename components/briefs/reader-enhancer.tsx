"use client";
import { useEffect } from "react";

/**
 * Opens the evidence card a footnote link points to, and every card before printing, so a
 * printed brief carries all its quotes. The page works without it: cards open by hand.
 */
export function ReaderEnhancer() {
  useEffect(() => {
    const openTarget = () => {
      const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
      target?.querySelectorAll("details").forEach((d) => { d.open = true; });
    };
    const openAll = () => document.querySelectorAll("details").forEach((d) => { d.open = true; });
    openTarget();
    window.addEventListener("hashchange", openTarget);
    window.addEventListener("beforeprint", openAll);
    return () => {
      window.removeEventListener("hashchange", openTarget);
      window.removeEventListener("beforeprint", openAll);
    };
  }, []);
  return null;
}
