// Dates as sources write them → YYYY-MM-DD, or null when there is no real calendar date.
// The date part is taken as written (no time-zone shifting): "2026-02-27T23:30:00-05:00" is
// the 27th where it was published, which is the date the article carries.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month: number, day: number): string | null {
  if (!isRealDate(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith("sept") ? 4 : 3)];
}

/**
 * Accepts ISO 8601 dates and datetimes ("2026-02-27", "2026-02-27T14:05:00Z"), compact
 * "20260227", PDF dates ("D:20260227120000Z"), "February 27, 2026", "Feb. 27, 2026",
 * "27 February 2026" and "Sun 1 Mar 2026 07.00 GMT".
 */
export function toIsoDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;

  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) return format(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const compact = /^(?:D:)?(\d{4})(\d{2})(\d{2})(?:\d{0,6})(?:$|[Z+\-'\s])/.exec(text);
  if (compact) return format(Number(compact[1]), Number(compact[2]), Number(compact[3]));

  const monthFirst = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1] ?? "");
    if (month) return format(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }

  const dayFirst = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2] ?? "");
    if (month) return format(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }

  return null;
}
