// How many independent sources back a value. Five articles repeating one wire story are one
// source, not five: claims count once per article, per outlet, per attributed origin
// ("according to Reuters" counts with Reuters' own article) and per near-identical sentence.

import { clusterParsed } from "./clusters";
import { toleranceOf } from "./precision";
import { prepare, whereLabel, type Prepared } from "./prepare";
import { CopyIndex } from "./quotes";
import { withDefaults, type SettingsInput } from "./settings";
import type { ClaimValue, ReconcileClaim } from "./types";

export type SourceLinkKind = "same_article" | "same_outlet" | "same_origin" | "near_identical_quote";

/** Why two claims were counted as one source. */
export type SourceLink = {
  kind: SourceLinkKind;
  claimIds: [string, string];
  /** The outlet or origin shared, or the similarity ("94% alike"). */
  detail: string;
  similarity?: number;
};

/** One independent source: the claims that count as one, and the links that merged them. */
export type SourceGroup = {
  claimIds: string[];
  articleIds: string[];
  outlets: string[];
  /** Attributed origins ("Reuters") named by its claims' sentences. */
  origins: string[];
  links: SourceLink[];
};

export type ValueSupport = {
  key: string;
  value: ClaimValue;
  label: string;
  claimIds: string[];
  independentSources: number;
  sources: SourceGroup[];
};

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    let x = i;
    while (this.parent[x] !== r) {
      const next = this.parent[x] as number;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): boolean {
    const x = this.find(a);
    const y = this.find(b);
    if (x === y) return false;
    // Keep the smaller index as root so groups are ordered by their first claim.
    if (x < y) this.parent[y] = x;
    else this.parent[x] = y;
    return true;
  }
}

/** Groups the given prepared claims (one value's claims) into independent sources. */
export function sourceGroups(items: readonly Prepared[], copies: CopyIndex, threshold: number): SourceGroup[] {
  const uf = new UnionFind(items.length);
  const links: SourceLink[] = [];
  const link = (i: number, j: number, kind: SourceLinkKind, detail: string, similarity?: number) => {
    if (!uf.union(i, j)) return;
    const a = items[i] as Prepared;
    const b = items[j] as Prepared;
    links.push({ kind, claimIds: [a.claim.id, b.claim.id], detail, ...(similarity != null ? { similarity } : {}) });
  };

  // Same article, then same outlet / attributed origin (one namespace: "according to
  // Reuters" in one article and an article by Reuters are the same source).
  const byArticle = new Map<string, number>();
  const bySource = new Map<string, { index: number; via: "outlet" | "origin"; name: string }>();
  items.forEach((p, i) => {
    if (p.articleId != null) {
      const first = byArticle.get(p.articleId);
      if (first === undefined) byArticle.set(p.articleId, i);
      else link(first, i, "same_article", whereLabel(items[first] as Prepared));
    }
  });
  items.forEach((p, i) => {
    const keys: { key: string; via: "outlet" | "origin"; name: string }[] = [];
    if (p.origin) keys.push({ key: p.origin.key, via: "origin", name: p.origin.name });
    if (p.outletKey && p.outlet) keys.push({ key: p.outletKey, via: "outlet", name: p.outlet });
    for (const k of keys) {
      const first = bySource.get(k.key);
      if (!first) bySource.set(k.key, { index: i, via: k.via, name: k.name });
      else link(first.index, i, first.via === "outlet" && k.via === "outlet" ? "same_outlet" : "same_origin", first.name);
    }
  });

  // Near-identical sentences: claims in one copy family count once.
  const firstInFamily = new Map<number, number>();
  items.forEach((p, i) => {
    const family = copies.family[p.index] ?? -1;
    if (family < 0) return;
    const first = firstInFamily.get(family);
    if (first === undefined) {
      firstInFamily.set(family, i);
      return;
    }
    const sim = copies.similarity((items[first] as Prepared).index, p.index);
    const detail = sim === 1 ? "identical wording" : sim >= threshold ? `${Math.round(sim * 100)}% alike` : `copied through an intermediate version (${Math.round(sim * 100)}% alike)`;
    link(first, i, "near_identical_quote", detail, sim);
  });

  const groups = new Map<number, SourceGroup>();
  items.forEach((p, i) => {
    const root = uf.find(i);
    let g = groups.get(root);
    if (!g) {
      g = { claimIds: [], articleIds: [], outlets: [], origins: [], links: [] };
      groups.set(root, g);
    }
    g.claimIds.push(p.claim.id);
    if (p.articleId && !g.articleIds.includes(p.articleId)) g.articleIds.push(p.articleId);
    if (p.outlet && !g.outlets.includes(p.outlet)) g.outlets.push(p.outlet);
    if (p.origin && !g.origins.includes(p.origin.name)) g.origins.push(p.origin.name);
  });
  const rootOf = new Map(items.map((p, i) => [p.claim.id, uf.find(i)]));
  for (const l of links) groups.get(rootOf.get(l.claimIds[0]) as number)?.links.push(l);
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
}

/**
 * Per distinct value (clusters of agreeing values, as the fact page shows them), how many
 * independent sources support it and which claims were counted together, with the reason —
 * so the UI can say "3 claims, 2 independent sources: The Verge repeats Reuters".
 * Values are in the order their first claim appears.
 */
export function independentSources<T extends ReconcileClaim>(claims: readonly T[], settings?: SettingsInput): ValueSupport[] {
  const s = withDefaults(settings);
  const prepared = prepare(claims, s);
  const copies = new CopyIndex(prepared.map((p) => p.quote), s.copySimilarity);
  return clusterParsed(claims, prepared.map((p) => p.stated), toleranceOf(s)).map((cluster) => {
    const sources = sourceGroups(cluster.indices.map((i) => prepared[i] as Prepared), copies, s.copySimilarity);
    return {
      key: cluster.key,
      value: cluster.value,
      label: cluster.label,
      claimIds: cluster.claims.map((c) => c.id),
      independentSources: sources.length,
      sources,
    };
  });
}
