// Which groups of lowercase fragments occur in a text, as String.prototype.toLowerCase would
// lowercase it, in one pass over the text with an Aho-Corasick automaton of all the fragments
// (no lowercased copy, no regex). A state is the longest fragment prefix that the text read so
// far ends in; it knows every fragment that ends there, so every occurrence is seen.

/** toLowerCase turns only these non-ASCII characters into ASCII: the Kelvin sign into "k", "İ" into "i" and U+0307. */
const KELVIN = 0x212a;
const CAPITAL_I_DOT = 0x130;

export class FragmentGroups {
  /** Int32 words a scan fills: group g is bit g % 32 of word g >> 5. */
  readonly words: number;
  /** Number of groups. */
  readonly groups: number;
  /** Per ASCII code: its symbol, numbered from 1 (0: a character in no fragment); uppercase as lowercase. */
  private readonly symbol = new Uint8Array(128);
  private readonly symbols: number;
  /**
   * next[state * symbols + symbol], itself a state times symbols (the start of its row: the
   * scan adds a symbol, no multiply); the states where a fragment ends are numbered last,
   * their rows from firstOutRow on. Symbol 0 leads every state to the start state, 0.
   */
  private readonly next: Int32Array;
  private readonly firstOutRow: number;
  /** out[state * words + w]: the groups of the fragments that end in the state */
  private readonly out: Int32Array;

  constructor(groups: ReadonlyArray<readonly string[]>) {
    this.groups = groups.length;
    this.words = Math.max(1, Math.ceil(groups.length / 32));
    let count = 0;
    for (const group of groups) {
      for (const f of group) {
        if (f.length === 0) throw new Error("fragment groups: an empty fragment");
        for (let i = 0; i < f.length; i++) {
          const c = f.charCodeAt(i);
          if (c >= 128 || (c >= 65 && c <= 90)) throw new Error(`fragment ${f}: lowercase ASCII only`);
          if (!this.symbol[c]) this.symbol[c] = ++count;
        }
      }
    }
    for (let c = 65; c <= 90; c++) this.symbol[c] = this.symbol[c + 32] as number;
    const symbols = count + 1;
    this.symbols = symbols;

    // the trie, with the groups of the fragments that end in each state
    const children: Int32Array[] = [new Int32Array(symbols).fill(-1)];
    const ends: Array<Set<number>> = [new Set()];
    groups.forEach((group, g) => {
      for (const f of group) {
        let state = 0;
        for (let i = 0; i < f.length; i++) {
          const sym = this.symbol[f.charCodeAt(i)] as number;
          const row = children[state] as Int32Array;
          if (row[sym] === -1) {
            row[sym] = children.length;
            children.push(new Int32Array(symbols).fill(-1));
            ends.push(new Set());
          }
          state = row[sym] as number;
        }
        (ends[state] as Set<number>).add(g);
      }
    });
    const n = children.length;
    if (n > 0xffff) throw new Error("fragment groups: too many automaton states");

    // breadth first, so that a state's failure link (the longest proper suffix that is a
    // trie state) is complete before its children need it
    const next = new Uint16Array(n * symbols);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    for (let sym = 1; sym < symbols; sym++) {
      const child = (children[0] as Int32Array)[sym] as number;
      if (child >= 0) {
        next[sym] = child;
        queue.push(child);
      }
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q] as number;
      for (const g of ends[fail[state] as number] as Set<number>) (ends[state] as Set<number>).add(g);
      for (let sym = 1; sym < symbols; sym++) {
        const child = (children[state] as Int32Array)[sym] as number;
        const viaFail = next[(fail[state] as number) * symbols + sym] as number;
        if (child >= 0) {
          fail[child] = viaFail;
          next[state * symbols + sym] = child;
          queue.push(child);
        } else next[state * symbols + sym] = viaFail;
      }
    }

    // number the states where a fragment ends last (the start state, which has none, stays 0)
    const order: number[] = [];
    for (let state = 0; state < n; state++) if ((ends[state] as Set<number>).size === 0) order.push(state);
    this.firstOutRow = order.length * symbols;
    for (let state = 0; state < n; state++) if ((ends[state] as Set<number>).size > 0) order.push(state);
    const renamed = new Uint16Array(n);
    order.forEach((state, k) => (renamed[state] = k));
    this.next = new Int32Array(n * symbols);
    this.out = new Int32Array(n * this.words);
    order.forEach((state, k) => {
      for (let sym = 0; sym < symbols; sym++) this.next[k * symbols + sym] = (renamed[next[state * symbols + sym] as number] as number) * symbols;
      for (const g of ends[state] as Set<number>) {
        const w = k * this.words + (g >> 5);
        this.out[w] = (this.out[w] as number) | (1 << (g & 31));
      }
    });
  }

  /**
   * Sets in `into` (at least `words` long, cleared first) the groups with a fragment in text.
   * With `ends` (at least 2 * groups long), also where the fragments of each group found end
   * in text: the first end at ends[g], the last at ends[groups + g] (an end is the index after
   * the fragment's last character). The entries of groups not found are left as they were.
   */
  scan(text: string, into: Int32Array, ends?: Int32Array): void {
    const { symbol, next, firstOutRow } = this;
    into.fill(0, 0, this.words);
    // the row of the current state (see next)
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        row = next[row + (symbol[c] as number)] as number;
        if (row >= firstOutRow) this.found(row, i + 1, into, ends);
      } else if (c === KELVIN || c === CAPITAL_I_DOT) {
        row = next[row + (symbol[c === KELVIN ? 107 : 105] as number)] as number; // "k", "i"
        if (row >= firstOutRow) this.found(row, i + 1, into, ends);
        if (c === CAPITAL_I_DOT) row = 0; // "İ" lower-cases to "i" and U+0307, which is in no fragment
      } else row = 0; // a character in no fragment
    }
  }

  /** The fragments of the state whose row is given end at `end` (the rare step: a separate function keeps the loop small). */
  private found(row: number, end: number, into: Int32Array, ends: Int32Array | undefined): void {
    const { words, groups, out } = this;
    const state = row / this.symbols;
    for (let w = 0; w < words; w++) {
      const bits = out[state * words + w] as number;
      if (ends !== undefined) {
        const fresh = bits & ~(into[w] as number);
        for (let rest = bits; rest !== 0; rest &= rest - 1) {
          const low = rest & -rest;
          const g = (w << 5) + 31 - Math.clz32(low);
          if (fresh & low) ends[g] = end;
          ends[groups + g] = end;
        }
      }
      into[w] = (into[w] as number) | bits;
    }
  }
}

/** Is group g set in bits filled by FragmentGroups.scan? */
export function hasGroup(bits: Int32Array, g: number): boolean {
  return (((bits[g >> 5] as number) >>> (g & 31)) & 1) === 1;
}
