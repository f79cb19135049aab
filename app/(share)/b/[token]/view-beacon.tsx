"use client";
import { useEffect } from "react";

// Once per page load, even when React runs effects twice in development.
let counted = false;

/**
 * Counts this view: the page itself is served from a cache, so the browser reports the view
 * with one small request (the token is in the address already). Readers who block scripts
 * read the page all the same, uncounted.
 */
export function ViewBeacon() {
  useEffect(() => {
    if (counted) return;
    counted = true;
    const token = window.location.pathname.split("/")[2] ?? "";
    const body = new Blob([token], { type: "text/plain" });
    if (!navigator.sendBeacon?.("/api/share-views", body)) {
      void fetch("/api/share-views", { method: "POST", body, keepalive: true }).catch(() => {});
    }
  }, []);
  return null;
}
