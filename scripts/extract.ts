// `npm run -s extract -- <file...> [--published-at YYYY-MM-DD]`: runs the rule-based
// extractor on each file and prints ONE JSON array of suggestions to stdout, each with
// `article` set to the file's base name. Nothing else goes to stdout; errors go to stderr
// with a non-zero exit. The shape is a public interface: add fields, never rename them.
import { readFileSync } from "node:fs";
import { runCli } from "@/lib/extract/cli";

const result = runCli(process.argv.slice(2), (path) => readFileSync(path, "utf8"));
if (result.stderr) process.stderr.write(result.stderr);
if (result.stdout) process.stdout.write(result.stdout);
process.exitCode = result.code;
