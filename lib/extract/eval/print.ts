// Prints the quality tables: `node --import tsx lib/extract/eval/print.ts [--verbose]`.
// --verbose adds every miss, false positive and qualifier disagreement.
import { extractClaims } from "../index";
import { evaluateSet, heldoutBSet, heldoutCSet, heldoutDSet, heldoutESet, heldoutFSet, heldoutGSet, heldoutHSet, heldoutISet, heldoutJSet, heldoutKSet, heldoutLSet, heldoutMSet, heldoutNSet, heldoutOSet, heldoutPSet, heldoutSet, seedSet } from "./fixtures";
import { describeErrors, scoreTable } from "./score";

const verbose = process.argv.includes("--verbose");
for (const [name, set] of [
  ["seeds", seedSet()],
  ["held-out A", heldoutSet()],
  ["held-out B", heldoutBSet()],
  ["held-out C", heldoutCSet()],
  ["held-out D", heldoutDSet()],
  ["held-out E", heldoutESet()],
  ["held-out F", heldoutFSet()],
  ["held-out G", heldoutGSet()],
  ["held-out H", heldoutHSet()],
  ["held-out I", heldoutISet()],
  ["held-out J", heldoutJSet()],
  ["held-out K", heldoutKSet()],
  ["held-out L", heldoutLSet()],
  ["held-out M", heldoutMSet()],
  ["held-out N", heldoutNSet()],
  ["held-out O", heldoutOSet()],
  ["held-out P", heldoutPSet()],
] as const) {
  const results = evaluateSet(set, extractClaims);
  console.log(`\n### ${name}\n\n${scoreTable(results)}`);
  if (verbose) for (const r of results) console.log(`\n${describeErrors(r)}`);
}
