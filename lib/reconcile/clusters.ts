// Claims whose values agree, gathered into value clusters: "$122 billion", "$122B" and
// "about $122 billion" are one cluster; "$110 billion" another. Agreement is not transitive
// ("$100B+" fits both $110B and $122B), so a cluster only admits a value that agrees with every
// member, narrowest statements first; a wide one joins the cluster it sits closest to.

import { formatValue } from "@/lib/format";
import { decAbs, decCmp, decSub, type Dec } from "./decimal";
import { stated, statedAgree, toleranceOf, type PrecisionInput, type Stated, type Tolerance } from "./precision";
import { withDefaults, type ReconcileSettings, type SettingsInput } from "./settings";
import type { ClaimValue } from "./types";

export type ValueCluster<T> = {
  /** Stable within one call: the key of the cluster's narrowest statement. */
  key: string;
  /** The most precise value in the cluster, to show for all of it. */
  value: ClaimValue;
  label: string;
  /** Its claims, in input order. */
  claims: T[];
};

/** A cluster with the parsed statements of its claims (same order), for the other modules. */
export type ParsedCluster<T> = ValueCluster<T> & { stated: Stated[]; indices: number[]; rep: Stated };

function width(s: Stated): Dec | null {
  return s.lo && s.hi ? decSub(s.hi, s.lo) : null;
}

function compareWidth(a: Stated, b: Stated): number {
  if (a.opaque !== b.opaque) return a.opaque ? 1 : -1;
  const wa = width(a);
  const wb = width(b);
  if (wa && wb) return decCmp(wa, wb);
  if (wa || wb) return wa ? -1 : 1;
  return 0;
}

const anchor = (s: Stated): Dec | null => s.point ?? s.lo ?? s.hi;

function distance(a: Stated, b: Stated): Dec | null {
  const x = anchor(a);
  const y = anchor(b);
  return x && y ? decAbs(decSub(x, y)) : null;
}

/** Null is infinitely far. */
function compareDistance(a: Dec | null, b: Dec | null): number {
  if (a && b) return decCmp(a, b);
  return a ? -1 : b ? 1 : 0;
}

/** Clusters parsed statements; `parsed[i]` belongs to `items[i]`. */
export function clusterParsed<T>(items: readonly T[], parsed: readonly Stated[], tolerance: Tolerance): ParsedCluster<T>[] {
  type Distinct = { s: Stated; indices: number[]; first: number };
  const byKey = new Map<string, Distinct>();
  parsed.forEach((s, i) => {
    const d = byKey.get(s.key);
    if (d) d.indices.push(i);
    else byKey.set(s.key, { s, indices: [i], first: i });
  });
  const distinct = [...byKey.values()].sort((a, b) => compareWidth(a.s, b.s) || a.first - b.first);

  type Work = { members: Distinct[]; size: number };
  const work: Work[] = [];
  for (const d of distinct) {
    let best: Work | null = null;
    let bestDistance: Dec | null = null;
    for (const w of work) {
      if (!w.members.every((m) => statedAgree(m.s, d.s, tolerance))) continue;
      const rep = (w.members[0] as Distinct).s;
      const dist = distance(rep, d.s);
      const order = compareDistance(dist, bestDistance);
      const better = best == null || order < 0 || (order === 0 && w.size > best.size);
      if (better) {
        best = w;
        bestDistance = dist;
      }
    }
    if (best) {
      best.members.push(d);
      best.size += d.indices.length;
    } else work.push({ members: [d], size: d.indices.length });
  }

  return work
    .map((w) => {
      const indices = w.members.flatMap((m) => m.indices).sort((a, b) => a - b);
      const rep = (w.members[0] as Distinct).s;
      const value = { value: rep.source.value, low: rep.source.low, high: rep.source.high, unit: rep.source.unit };
      return {
        key: rep.key,
        value,
        label: formatValue(value),
        claims: indices.map((i) => items[i] as T),
        stated: indices.map((i) => parsed[i] as Stated),
        indices,
        rep,
      };
    })
    .sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
}

/**
 * Groups claims into clusters of agreeing values, so a fact shows "$122 billion (3 claims)"
 * rather than three spellings of it. One cluster means the fact is agreed. Deterministic:
 * the same claims in the same order always give the same clusters in the same order
 * (ordered by their first claim).
 */
export function agreementClusters<T extends PrecisionInput>(claims: readonly T[], settings?: SettingsInput): ValueCluster<T>[] {
  const s = withDefaults(settings);
  return clusterParsed(claims, parseAll(claims, s), toleranceOf(s)).map(({ key, value, label, claims: members }) => ({
    key, value, label, claims: members,
  }));
}

function parseAll(claims: readonly PrecisionInput[], s: ReconcileSettings): Stated[] {
  const memo = new Map<string, Stated>();
  return claims.map((c) => stated(c, s, memo));
}

/** Internal: parse once, cluster once. */
export function parseAndCluster<T extends PrecisionInput>(claims: readonly T[], s: ReconcileSettings): ParsedCluster<T>[] {
  return clusterParsed(claims, parseAll(claims, s), toleranceOf(s));
}
