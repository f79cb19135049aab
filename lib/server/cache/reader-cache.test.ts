// The page store is bounded: however many links are read, it keeps the most recently read
// pages within its page and byte limits.
import { describe, expect, it } from "vitest";
import { ReaderPageStore, type CachedPage } from "./reader-cache";

const page = (bytes: number): CachedPage => ({ briefId: "b", revision: null, headers: {}, html: Buffer.alloc(bytes), gzip: Buffer.alloc(0) });

describe("ReaderPageStore", () => {
  it("drops the least recently read page when full", () => {
    const store = new ReaderPageStore(2);
    store.set("a", page(1));
    store.set("b", page(1));
    store.get("a");
    store.set("c", page(1));
    expect([store.get("a"), store.get("b"), store.get("c")].map(Boolean)).toEqual([true, false, true]);
    expect(store.size).toBe(2);
  });

  it("stays within its byte limit, and replacing a page frees the old one", () => {
    const store = new ReaderPageStore(100, 1000);
    for (let i = 0; i < 10; i++) store.set(`p${i}`, page(300));
    expect(store.size).toBe(3);
    expect(store.get("p9")).toBeDefined();
    expect(store.get("p6")).toBeUndefined();
    store.set("p9", page(900));
    expect(store.size).toBe(1);
    store.delete("p9");
    expect(store.size).toBe(0);
    store.set("q", page(1000));
    expect(store.size).toBe(1);
  });
});
