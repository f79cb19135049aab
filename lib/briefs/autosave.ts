// Autosave for the brief editor, free of React so it can be tested alone. Changes are saved
// a moment after typing stops (or at once on flush); one save at a time, each carrying the
// version the previous one returned, so an older save can never land after a newer one.
// A version conflict stops saving until the person decides: load theirs, or overwrite.

export type SaveOutcome<C> =
  | { ok: true; version: number }
  | { ok: false; conflict: C }
  | { ok: false; error: string };

export type AutosaveState<C> =
  | { status: "saved"; savedAt: Date | null }
  | { status: "unsaved" }
  | { status: "saving" }
  | { status: "error"; message: string }
  | { status: "conflict"; conflict: C };

export type Autosaver<S, C> = {
  /** Records a change; saves it after the delay unless more changes come first. */
  change(snapshot: S): void;
  /** Saves any pending change now; resolves once everything is saved, or saving stopped. */
  flush(): Promise<boolean>;
  /** After "Save failed": tries again. */
  retry(): Promise<boolean>;
  /** After a conflict: saves my text over theirs, on their version. */
  overwrite(theirVersion: number): Promise<boolean>;
  /** After a conflict: takes theirs as the saved state and drops my pending change. */
  acceptTheirs(theirVersion: number): void;
  /** Another action (publish, send for review) moved the version on; continue from it. */
  setVersion(version: number): void;
  readonly version: number;
  readonly dirty: boolean;
  readonly state: AutosaveState<C>;
  dispose(): void;
};

export function createAutosaver<S, C>(opts: {
  version: number;
  save: (snapshot: S, version: number) => Promise<SaveOutcome<C>>;
  onState: (state: AutosaveState<C>) => void;
  delayMs?: number;
  now?: () => Date;
}): Autosaver<S, C> {
  const delayMs = opts.delayMs ?? 1000;
  const now = opts.now ?? (() => new Date());
  let version = opts.version;
  let latest: { snapshot: S; revision: number } | null = null;
  let revision = 0;
  let savedRevision = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<boolean> | null = null;
  let state: AutosaveState<C> = { status: "saved", savedAt: null };
  let disposed = false;

  const set = (next: AutosaveState<C>) => {
    state = next;
    if (!disposed) opts.onState(next);
  };
  const stopped = () => state.status === "error" || state.status === "conflict";
  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  async function drain(): Promise<boolean> {
    while (latest && latest.revision > savedRevision) {
      const { snapshot, revision: rev } = latest;
      set({ status: "saving" });
      let outcome: SaveOutcome<C>;
      try {
        outcome = await opts.save(snapshot, version);
      } catch {
        outcome = { ok: false, error: "The server could not be reached." };
      }
      if (outcome.ok) {
        version = outcome.version;
        savedRevision = rev;
        continue;
      }
      set("conflict" in outcome ? { status: "conflict", conflict: outcome.conflict } : { status: "error", message: outcome.error });
      return false;
    }
    set({ status: "saved", savedAt: now() });
    return true;
  }

  function run(): Promise<boolean> {
    clearTimer();
    if (stopped()) return Promise.resolve(false);
    // One drain at a time; a change made during a save is picked up by the same loop.
    running ??= drain().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    change(snapshot) {
      latest = { snapshot, revision: ++revision };
      // A conflict waits for the person's choice; a failed save is tried again with the new text.
      if (state.status === "conflict") return;
      if (state.status !== "saving") set({ status: "unsaved" });
      clearTimer();
      timer = setTimeout(() => void run(), delayMs);
    },
    flush: () => (latest && latest.revision > savedRevision ? run() : running ?? Promise.resolve(!stopped())),
    retry() {
      if (state.status === "error") set({ status: "unsaved" });
      return run();
    },
    overwrite(theirVersion) {
      version = theirVersion;
      set({ status: "unsaved" });
      return run();
    },
    acceptTheirs(theirVersion) {
      clearTimer();
      version = theirVersion;
      savedRevision = revision;
      set({ status: "saved", savedAt: now() });
    },
    setVersion(v) {
      version = v;
    },
    get version() {
      return version;
    },
    get dirty() {
      return latest != null && latest.revision > savedRevision;
    },
    get state() {
      return state;
    },
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
