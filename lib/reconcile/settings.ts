// How loosely values may differ and still count as the same. One workspace setting
// (tolerance) plus defaults for the looser judgements behind the suggested explanations.

export type ReconcileSettings = {
  /** Workspace tolerance, relative (0.02 = 2%): values this close agree outright. 0 = exact. */
  tolerance: number;
  /** Relative gap under which a disagreement is suggested as rounding or approximation. */
  roundingTolerance: number;
  /** How wide "roughly", "about", "~" or an estimate makes a figure, relative. */
  approximateTolerance: number;
  /** Token similarity (0–1) from which two quotes count as near-identical, i.e. copied. */
  copySimilarity: number;
};

/** Exact agreement unless a workspace sets a tolerance; the looser judgements only feed suggestions. */
export const DEFAULT_SETTINGS: Readonly<ReconcileSettings> = Object.freeze({
  tolerance: 0,
  roundingTolerance: 0.05,
  approximateTolerance: 0.05,
  copySimilarity: 0.8,
});

/** Every reconciliation entry point takes partial settings; missing keys fall back to the defaults. */
export type SettingsInput = Partial<ReconcileSettings> | null | undefined;

const LIMITS: Record<keyof ReconcileSettings, [number, number]> = {
  tolerance: [0, 0.5],
  roundingTolerance: [0, 0.5],
  approximateTolerance: [0, 0.5],
  copySimilarity: [0.5, 1],
};

function pick(raw: unknown, key: keyof ReconcileSettings): number {
  const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  const [min, max] = LIMITS[key];
  if (typeof value !== "number" || !Number.isFinite(value)) return DEFAULT_SETTINGS[key];
  return Math.min(max, Math.max(min, value));
}

/**
 * Reads reconciliation settings from a workspace's settings JSON, which may hold them at the
 * top level ({ tolerance: 0.02 }) or under "reconcile". Anything missing, malformed or out of
 * range falls back to (or is clamped into) a safe value, so a bad row never breaks a page.
 */
export function reconcileSettings(workspaceSettings: unknown): ReconcileSettings {
  const root = isRecord(workspaceSettings) ? workspaceSettings : {};
  const source = isRecord(root.reconcile) ? root.reconcile : root;
  return {
    tolerance: pick(source.tolerance, "tolerance"),
    roundingTolerance: pick(source.roundingTolerance, "roundingTolerance"),
    approximateTolerance: pick(source.approximateTolerance, "approximateTolerance"),
    copySimilarity: pick(source.copySimilarity, "copySimilarity"),
  };
}

/** Fills partial settings with defaults (and clamps them). */
export function withDefaults(settings: SettingsInput): ReconcileSettings {
  return settings ? reconcileSettings(settings) : { ...DEFAULT_SETTINGS };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
