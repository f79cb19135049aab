// Exact decimal strings ("122000000000", "12.50") compared without floating point.
export function canonicalDecimal(value: string): string {
  const trimmed = value.trim();
  const negative = trimmed.startsWith("-");
  let [whole = "0", fraction = ""] = trimmed.replace(/^[-+]/, "").split(".");
  whole = whole.replace(/^0+(?=\d)/, "");
  fraction = fraction.replace(/0+$/, "");
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && body !== "0" ? `-${body}` : body;
}

export function sameDecimal(a: string | null, b: string | null): boolean {
  if (a == null || b == null) return a === b;
  return canonicalDecimal(a) === canonicalDecimal(b);
}
