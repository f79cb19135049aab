// How values read on screen and in briefs: "$122 billion", "€830 million", "18%", "27 Feb 2026".
const currencySymbols: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", CNY: "¥", INR: "₹" };
const scales: [bigint, string][] = [
  [10n ** 12n, "trillion"],
  [10n ** 9n, "billion"],
  [10n ** 6n, "million"],
];

function scaled(decimal: string): string {
  const [whole = "0", fraction = ""] = decimal.replace(/^-/, "").split(".");
  const sign = decimal.startsWith("-") ? "-" : "";
  const integer = BigInt(whole || "0");
  for (const [size, word] of scales) {
    if (integer >= size) {
      const units = integer / size;
      const rest = (integer % size).toString().padStart(size.toString().length - 1, "0").replace(/0+$/, "");
      return `${sign}${units}${rest ? `.${rest.slice(0, 3)}` : ""} ${word}`;
    }
  }
  const grouped = integer.toLocaleString("en-US");
  const frac = fraction.replace(/0+$/, "");
  return `${sign}${grouped}${frac ? `.${frac}` : ""}`;
}

function one(value: string, unit: string): string {
  if (unit === "date") return formatDate(value);
  if (unit === "percent") return `${scaled(value)}%`;
  const symbol = currencySymbols[unit];
  if (symbol) return `${symbol}${scaled(value)}`;
  if (/^[A-Z]{3}$/.test(unit)) return `${unit} ${scaled(value)}`;
  if (unit === "count") return scaled(value);
  return `${scaled(value)} ${unit}`;
}

export function formatValue(v: { value: string | null; low: string | null; high: string | null; unit: string }): string {
  if (v.value != null) return one(v.value, v.unit);
  if (v.low != null && v.high != null) return `${one(v.low, v.unit)} – ${one(v.high, v.unit)}`;
  if (v.low != null) return `at least ${one(v.low, v.unit)}`;
  if (v.high != null) return `up to ${one(v.high, v.unit)}`;
  return "—";
}

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "date unknown";
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

export function humanize(attribute: string): string {
  const text = attribute.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
