// Exact decimal strings ("122000000000", "12.50") compared and combined without floating
// point: a tolerance of ±0.5 billion on "$122 billion", or pre-money + round = post-money,
// must never be decided by binary rounding noise.

export function canonicalDecimal(value: string): string {
  const trimmed = value.trim();
  const negative = trimmed.startsWith("-");
  let [whole = "0", fraction = ""] = trimmed.replace(/^[-+]/, "").split(".");
  whole = whole.replace(/^0+(?=\d)/, "");
  fraction = fraction.replace(/0+$/, "");
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && body !== "0" ? `-${body}` : body;
}

/** Equal as numbers however written ("110000000000" = "110000000000.00"); null only equals null. */
export function sameDecimal(a: string | null, b: string | null): boolean {
  if (a == null || b == null) return a === b;
  return canonicalDecimal(a) === canonicalDecimal(b);
}

/** An exact decimal: n × 10^-e (e ≥ 0). Small enough to pass around, exact to combine. */
export type Dec = { readonly n: bigint; readonly e: number };

const DECIMAL_RE = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;

/** Parses "122000000000", "-0.05", "+12.50"; null for anything else (dates, "", "1e9"). */
export function parseDec(value: string | null | undefined): Dec | null {
  if (value == null) return null;
  const m = DECIMAL_RE.exec(value);
  if (!m) return null;
  const whole = m[2] ?? "";
  const fraction = m[3] ?? "";
  if (!whole && !fraction) return null;
  const n = BigInt((whole || "0") + fraction);
  return trim({ n: m[1] === "-" ? -n : n, e: fraction.length });
}

/** A JavaScript number (a workspace setting such as 0.02) as an exact decimal of its shortest form. */
export function decFromNumber(x: number): Dec | null {
  if (!Number.isFinite(x)) return null;
  let s = String(x);
  if (/e/i.test(s)) s = x.toFixed(20);
  return parseDec(s);
}

const TEN = 10n;
const POWERS: bigint[] = Array.from({ length: 64 }, (_, i) => TEN ** BigInt(i));
/** 10^k as a bigint (k ≥ 0), from a table: exponentiation is the slow part of decimal arithmetic. */
const p10 = (k: number): bigint => POWERS[k] ?? TEN ** BigInt(k);

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  if (a.e === b.e) return [a.n, b.n, a.e];
  if (a.e > b.e) return [a.n, b.n * p10(a.e - b.e), a.e];
  return [a.n * p10(b.e - a.e), b.n, b.e];
}

/** Exact arithmetic; results are trimmed of trailing fractional zeros so keys stay canonical. */
export const decAdd = (a: Dec, b: Dec): Dec => {
  const [x, y, e] = align(a, b);
  return trim({ n: x + y, e });
};
export const decSub = (a: Dec, b: Dec): Dec => {
  const [x, y, e] = align(a, b);
  return trim({ n: x - y, e });
};
export const decMul = (a: Dec, b: Dec): Dec => trim({ n: a.n * b.n, e: a.e + b.e });
export const decNeg = (a: Dec): Dec => ({ n: -a.n, e: a.e });
export const decAbs = (a: Dec): Dec => (a.n < 0n ? decNeg(a) : a);
/** Sign of a - b. */
export function decCmp(a: Dec, b: Dec): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}
export const decMax = (a: Dec, b: Dec): Dec => (decCmp(a, b) >= 0 ? a : b);
/** Half of a, exactly: the ± of a rounding step. */
export const decHalf = (a: Dec): Dec => trim({ n: a.n * 5n, e: a.e + 1 });
/** 10^k for any integer k. */
export const pow10 = (k: number): Dec => (k >= 0 ? { n: p10(k), e: 0 } : { n: 1n, e: -k });
export const ZERO: Dec = { n: 0n, e: 0 };

/** Drops trailing fractional zeros: one canonical n/e per number. */
export function decTrim(a: Dec): Dec {
  return trim(a);
}

function trim(a: Dec): Dec {
  let { n, e } = a;
  while (e > 0 && n % TEN === 0n) {
    n /= TEN;
    e -= 1;
  }
  return n === a.n ? a : { n, e };
}

/** Canonical decimal string, the same form canonicalDecimal produces. */
export function decToString(a: Dec): string {
  const negative = a.n < 0n;
  const digits = (negative ? -a.n : a.n).toString();
  if (a.e === 0) return negative && digits !== "0" ? `-${digits}` : digits;
  const padded = digits.padStart(a.e + 1, "0");
  const body = canonicalDecimal(`${padded.slice(0, padded.length - a.e)}.${padded.slice(padded.length - a.e)}`);
  return negative && body !== "0" ? `-${body}` : body;
}

/** For display and ratios only (never for deciding agreement). */
export const decToNumber = (a: Dec): number => Number(decToString(a));
