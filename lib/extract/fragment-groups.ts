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
  /** Per ASCII code: its symbol, numbered from 1 (0: a character in no fragment); uppercase as lowercase. */
  private readonly symbol = new Uint8Array(128);
  private readonly symbols: number;
  /** next[state * symbols + symbol] */
  private readonly next: Uint16Array;
  /** out[state * words + w]: the groups of the fragments that end in the state */
  private readonly out: Int32Array;
  private readonly hasOut: Uint8Array;

  constructor(groups: ReadonlyArray<readonly string[]>) {
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
    this.next = next;
    this.out = new Int32Array(n * this.words);
    this.hasOut = new Uint8Array(n);
    ends.forEach((gs, state) => {
      for (const g of gs) {
        const w = state * this.words + (g >> 5);
        this.out[w] = (this.out[w] as number) | (1 << (g & 31));
        this.hasOut[state] = 1;
      }
    });
  }

  /** Sets in `into` (at least `words` long, cleared first) the groups with a fragment in text. */
  scan(text: string, into: Int32Array): void {
    const { words, symbol, symbols, next, out, hasOut } = this;
    into.fill(0, 0, words);
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let sym = 0;
      if (c < 128) sym = symbol[c] as number;
      else if (c === KELVIN) sym = symbol[107] as number; // "k"
      else if (c === CAPITAL_I_DOT) sym = symbol[105] as number; // "i", then U+0307 below
      state = sym === 0 ? 0 : (next[state * symbols + sym] as number);
      if (hasOut[state]) {
        for (let w = 0; w < words; w++) into[w] = (into[w] as number) | (out[state * words + w] as number);
      }
      if (c === CAPITAL_I_DOT) state = 0;
    }
  }
}

/** Is group g set in bits filled by FragmentGroups.scan? */
export function hasGroup(bits: Int32Array, g: number): boolean {
  return (((bits[g >> 5] as number) >>> (g & 31)) & 1) === 1;
}
