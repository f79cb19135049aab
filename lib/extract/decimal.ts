// Exact decimal arithmetic on strings. Figures are never routed through floating point,
// so "1.4 trillion" becomes "1400000000000" and "$8.88" stays "8.88".

/** Made once (a regex literal in a function makes a new RegExp object at every call). */
const NUMBER_SEPARATORS = /[,\s\u00a0\u202f]/g;

/** Strip grouping separators ("1,234" -> "1234"); the unicode minus becomes "-". */
export function cleanNumber(raw: string): string {
  if (plainNumber(raw)) return raw;
  return raw.replace(NUMBER_SEPARATORS, "").replaceAll("\u2212", "-");
}

/** Only digits, ".", "+" and "-": nothing for cleanNumber to remove. */
function plainNumber(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45)) return false;
  }
  return true;
}

/** Only ASCII digits, the first not 0. */
function wholeNumber(raw: string): boolean {
  if (raw.length === 0 || raw.charCodeAt(0) === 48) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** s without its leading zeros (/^0+/), or its trailing ones (/0+$/), by character codes. */
function trimZeros(s: string, leading: boolean): string {
  if (leading) {
    let i = 0;
    while (s.charCodeAt(i) === 48) i++;
    return i ? s.slice(i) : s;
  }
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 48) e--;
  return e < s.length ? s.slice(0, e) : s;
}

/** The runs of zeros that scales call for ("billion": 9), made once. */
const ZEROS = Array.from({ length: 16 }, (_, n) => "0".repeat(n));
const zeros = (n: number): string => ZEROS[n] ?? "0".repeat(n);

/** raw × 10^pow10 as a normalised decimal string (no leading/trailing zeros). */
export function scaleDecimal(raw: string, pow10: number): string {
  // The common case, a whole number without leading zeros ("2026", "5" billion), is itself
  // followed by pow10 zeros: what the general steps below come to.
  if (pow10 >= 0 && Number.isInteger(pow10) && wholeNumber(raw)) return pow10 === 0 ? raw : raw + zeros(pow10);
  const s = cleanNumber(raw);
  const neg = s.startsWith("-");
  const body = neg || s.startsWith("+") ? s.slice(1) : s;
  const dot = body.indexOf(".");
  const intPart = (dot < 0 ? body : body.slice(0, dot)) || "0";
  const fracPart = dot < 0 ? "" : body.slice(dot + 1);
  let digits = intPart + fracPart;
  let point = intPart.length + pow10;
  if (point > digits.length) digits += zeros(point - digits.length);
  if (point < 0) {
    digits = zeros(-point) + digits;
    point = 0;
  }
  const i = trimZeros(digits.slice(0, point), true) || "0";
  const f = trimZeros(digits.slice(point), false);
  const out = f ? `${i}.${f}` : i;
  return neg && out !== "0" ? `-${out}` : out;
}

export function normalizeDecimal(raw: string): string {
  return scaleDecimal(raw, 0);
}

/** Sign of a - b for two normalised decimal strings. */
export function compareDecimal(a: string, b: string): number {
  const [ai, af] = splitParts(a);
  const [bi, bf] = splitParts(b);
  const width = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(width, "0"));
  const y = BigInt(bi + bf.padEnd(width, "0"));
  return x < y ? -1 : x > y ? 1 : 0;
}

function splitParts(v: string): [string, string] {
  const neg = v.startsWith("-");
  const body = neg ? v.slice(1) : v;
  const dot = body.indexOf(".");
  const i = (dot < 0 ? body : body.slice(0, dot)) || "0";
  const f = dot < 0 ? "" : body.slice(dot + 1);
  return [(neg ? "-" : "") + i, f];
}
