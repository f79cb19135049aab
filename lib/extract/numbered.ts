// Named groups make a match build a "groups" object; the numbered groups of the same pattern
// do not. Patterns are written with names and run without them: a group's number is the
// count of capturing groups that open before it, named or not, so the matches are the same.

/** The pattern without group names (same flags), and the number of each named group. */
export function numbered<N extends string>(re: RegExp, names: readonly N[]): { re: RegExp; at: Record<N, number> } {
  const src = re.source;
  const at: Record<string, number> = {};
  let out = "";
  let count = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "\\") {
      if (src[i + 1] === "k" && src[i + 2] === "<") throw new Error("numbered: named backreference");
      out += c + (src[i + 1] ?? "");
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") {
      if (src[i + 1] !== "?") count++;
      else if (src[i + 2] === "<" && src[i + 3] !== "=" && src[i + 3] !== "!") {
        const close = src.indexOf(">", i);
        at[src.slice(i + 3, close)] = ++count;
        out += "(";
        i = close;
        continue;
      }
    }
    out += c;
  }
  for (const n of names) if (at[n] === undefined) throw new Error(`numbered: no group ${n}`);
  if (Object.keys(at).length !== names.length) throw new Error("numbered: unlisted group names");
  return { re: new RegExp(out, re.flags), at: at as Record<N, number> };
}
