// The command behind `npm run -s extract -- <file...> [--published-at YYYY-MM-DD]`, as a
// function of its arguments and a file reader, so that it can be tested without a process.
// stdout is ONE JSON array of suggestions, each with `article` set to the file's base name.

import { EXTRACTOR, extractClaims } from "./index";

export const USAGE = "usage: npm run -s extract -- <file...> [--published-at YYYY-MM-DD]";

export type CliResult = { code: number; stdout: string; stderr: string };

class UsageError extends Error {}

function parseDate(raw: string | undefined): Date {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new UsageError(`--published-at needs a date as YYYY-MM-DD, got ${JSON.stringify(raw ?? "")}`);
  const d = new Date(`${raw}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) throw new UsageError(`not a calendar date: ${raw}`);
  return d;
}

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

export function runCli(args: readonly string[], readFile: (path: string) => string): CliResult {
  const files: string[] = [];
  let publishedAt: Date | null = null;
  try {
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "--published-at") publishedAt = parseDate(args[++i]);
      else if (a.startsWith("--published-at=")) publishedAt = parseDate(a.slice("--published-at=".length));
      else if (a === "-h" || a === "--help") return { code: 0, stdout: "", stderr: `${USAGE}\n` };
      else if (a === "--") continue;
      else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
      else files.push(a);
    }
    if (!files.length) throw new UsageError("no input files");
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: "", stderr: `extract: ${error.message}\n${USAGE}\n` };
    throw error;
  }

  const out: Array<Record<string, unknown>> = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFile(file);
    } catch (error) {
      return { code: 1, stdout: "", stderr: `extract: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n` };
    }
    const article = baseName(file);
    for (const s of extractClaims(text, { publishedAt })) {
      out.push({ article, ...s, extractor: s.extractor ?? EXTRACTOR.name, extractorVersion: s.extractorVersion ?? EXTRACTOR.version });
    }
  }
  return { code: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: "" };
}
