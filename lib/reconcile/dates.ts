// UTC calendar days, the only notion of time reconciliation needs. No clock is read here.

import type { DateLike } from "./types";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" for a Date (read at UTC) or an ISO string; null when absent or invalid. */
export function isoDay(value: DateLike): string | null {
  if (value == null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const head = value.trim().slice(0, 10);
  return dayNumber(head) == null ? null : head;
}

/** Days since 1970-01-01 for an ISO day, or null when it is not a real calendar day. */
export function dayNumber(iso: string): number | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86_400_000);
}

/** Back from a day number to "YYYY-MM-DD", for display. */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export type DatePrecision = "day" | "month" | "quarter" | "year";

const MONTH_WORD = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

/**
 * How precisely a date was written: "March 2026" names a month, "Q1 2026" a quarter, "2025" a
 * year; anything with a day in it ("27th of last month", "2026-02-27") or unknown is a day.
 */
export function datePrecision(text: string | null | undefined): DatePrecision {
  if (!text) return "day";
  const t = text.trim();
  if (/\d{4}-\d{2}-\d{2}/.test(t) || /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/.test(t)) return "day";
  if (/^\d{4}-\d{2}$/.test(t)) return "month";
  const withoutYears = t.replace(/\b\d{4}\b/g, " ");
  if (/\b\d{1,2}(?:st|nd|rd|th)?\b/i.test(withoutYears)) return "day";
  if (MONTH_WORD.test(t) || /\b(?:last|this|next|previous|same|that) month\b/i.test(t)) return "month";
  if (/\bQ[1-4]\b|\bquarter\b|\b(?:first|second|third|fourth) half\b|\bH[12]\b/i.test(t)) return /\bhalf\b|\bH[12]\b/i.test(t) ? "year" : "quarter";
  if (/\b\d{4}\b/.test(t) || /\b(?:last|this|next) year\b/i.test(t)) return "year";
  return "day";
}

/** The first and last day a date of the given precision can mean, as day numbers. */
export function dateSpan(iso: string, precision: DatePrecision): [number, number] | null {
  const day = dayNumber(iso);
  if (day == null) return null;
  if (precision === "day") return [day, day];
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const [from, months] = precision === "month" ? [m, 1] : precision === "quarter" ? [m - (m % 3), 3] : [0, 12];
  const start = Math.round(Date.UTC(y, from, 1) / 86_400_000);
  const end = Math.round(Date.UTC(y, from + months, 1) / 86_400_000) - 1;
  return [start, end];
}
