// Small collection helpers shared by the reconciliation modules.

/** Adds to a bucket of a multimap in place (spreading a growing list each time would be quadratic). */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
