import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosaver, type AutosaveState, type SaveOutcome } from "./autosave";

type Conflict = { theirVersion: number; by: string };

/** A fake server: saves succeed on the current version, in the order they arrive; answers are released by hand. */
function server(start = 1) {
  let version = start;
  const stored: string[] = [];
  const waiting: (() => void)[] = [];
  const calls: { text: string; version: number }[] = [];
  const save = (text: string, v: number) =>
    new Promise<SaveOutcome<Conflict>>((resolve) => {
      calls.push({ text, version: v });
      waiting.push(() => {
        if (v !== version) return resolve({ ok: false, conflict: { theirVersion: version, by: "Ada" } });
        version += 1;
        stored.push(text);
        resolve({ ok: true, version });
      });
    });
  return {
    save, calls, stored,
    /** Another session saves in between. */
    otherSave: (text: string) => { version += 1; stored.push(text); },
    async answer() { waiting.shift()?.(); await vi.advanceTimersByTimeAsync(0); },
    get version() { return version; },
  };
}

function setup(srv = server()) {
  const states: AutosaveState<Conflict>[] = [];
  const saver = createAutosaver<string, Conflict>({ version: srv.version, save: srv.save, onState: (s) => states.push(s), delayMs: 1000, now: () => new Date("2026-06-01T10:15:00Z") });
  return { srv, saver, states, last: () => states.at(-1)!.status };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("autosave", () => {
  it("saves once, a second after typing stops, and then says when", async () => {
    const { srv, saver, last } = setup();
    saver.change("O");
    saver.change("Op");
    await vi.advanceTimersByTimeAsync(900);
    saver.change("Ope");
    expect(last()).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(999);
    expect(srv.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(last()).toBe("saving");
    await srv.answer();
    expect(srv.calls).toEqual([{ text: "Ope", version: 1 }]);
    expect(saver.state).toEqual({ status: "saved", savedAt: new Date("2026-06-01T10:15:00Z") });
    expect(saver.dirty).toBe(false);
  });

  it("runs one save at a time, each on the version the last returned, so the newest text wins", async () => {
    const { srv, saver } = setup();
    saver.change("first");
    void saver.flush();
    saver.change("second");
    saver.change("third");
    void saver.flush();
    expect(srv.calls).toHaveLength(1);
    await srv.answer();
    expect(srv.calls).toEqual([{ text: "first", version: 1 }, { text: "third", version: 2 }]);
    await srv.answer();
    expect(srv.stored).toEqual(["first", "third"]);
    expect(saver.version).toBe(3);
    expect(saver.state.status).toBe("saved");
  });

  it("stops on a conflict, never retrying over the other session's save", async () => {
    const { srv, saver } = setup();
    srv.otherSave("theirs");
    saver.change("mine");
    const done = saver.flush();
    await srv.answer();
    expect(await done).toBe(false);
    expect(saver.state).toEqual({ status: "conflict", conflict: { theirVersion: 2, by: "Ada" } });
    saver.change("mine, more");
    await vi.advanceTimersByTimeAsync(5000);
    expect(srv.calls).toHaveLength(1);
    expect(srv.stored).toEqual(["theirs"]);
    expect(saver.dirty).toBe(true);
  });

  it("overwrites knowingly on their version, or takes theirs and drops mine", async () => {
    const a = setup();
    a.srv.otherSave("theirs");
    a.saver.change("mine");
    void a.saver.flush();
    await a.srv.answer();
    const overwritten = a.saver.overwrite(2);
    await a.srv.answer();
    expect(await overwritten).toBe(true);
    expect(a.srv.stored).toEqual(["theirs", "mine"]);

    const b = setup();
    b.srv.otherSave("theirs");
    b.saver.change("mine");
    void b.saver.flush();
    await b.srv.answer();
    b.saver.acceptTheirs(2);
    expect(b.saver.dirty).toBe(false);
    expect(b.saver.state.status).toBe("saved");
    b.saver.change("mine on theirs");
    void b.saver.flush();
    await b.srv.answer();
    expect(b.srv.stored).toEqual(["theirs", "mine on theirs"]);
  });

  it("reports a failed save and saves the latest text on retry", async () => {
    const calls: string[] = [];
    let fail = true;
    const saver = createAutosaver<string, never>({
      version: 1, onState: () => {},
      save: async (text) => { calls.push(text); return fail ? { ok: false, error: "The server could not be reached." } : { ok: true, version: 2 }; },
    });
    saver.change("a");
    expect(await saver.flush()).toBe(false);
    expect(saver.state).toEqual({ status: "error", message: "The server could not be reached." });
    saver.change("ab");
    fail = false;
    expect(await saver.retry()).toBe(true);
    expect(calls).toEqual(["a", "ab"]);
    expect(saver.state.status).toBe("saved");
  });

  it("tries again by itself once the text changes after a failed save", async () => {
    const calls: string[] = [];
    const saver = createAutosaver<string, never>({
      version: 1, onState: () => {}, delayMs: 1000,
      save: async (text) => { calls.push(text); return text ? { ok: true, version: 2 } : { ok: false, error: "Give the brief a title." }; },
    });
    saver.change("");
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.state).toEqual({ status: "error", message: "Give the brief a title." });
    saver.change("A title");
    expect(saver.state.status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual(["", "A title"]);
    expect(saver.state.status).toBe("saved");
  });

  it("turns a thrown save into a failure instead of hanging", async () => {
    const saver = createAutosaver<string, never>({ version: 1, onState: () => {}, save: () => Promise.reject(new Error("offline")) });
    saver.change("a");
    expect(await saver.flush()).toBe(false);
    expect(saver.state.status).toBe("error");
  });
});
