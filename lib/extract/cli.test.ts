import { describe, expect, it } from "vitest";
import { runCli } from "./cli";

const files: Record<string, string> = {
  "/tmp/a/acme.txt": "Acme raised $5 billion on the 27th of last month.",
  "/tmp/b/beta.txt": "Beta is valued at $2 billion.",
};
const read = (p: string): string => {
  const t = files[p];
  if (t === undefined) throw new Error("ENOENT: no such file");
  return t;
};

describe("extract command", () => {
  it("prints one JSON array with the article's base name on every suggestion", () => {
    const r = runCli(["/tmp/a/acme.txt", "/tmp/b/beta.txt", "--published-at", "2026-03-02"], read);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(Array.isArray(out)).toBe(true);
    expect(out.map((s) => [s.article, s.valueText])).toEqual([
      ["acme.txt", "$5 billion"],
      ["acme.txt", "27th of last month"],
      ["beta.txt", "$2 billion"],
    ]);
    expect(out[1]?.value).toBe("2026-02-27");
    expect(out[0]).toMatchObject({ extractor: "corroborate-rules", subject: "Acme", attribute: "funding_round_size" });
  });

  it("accepts --published-at=YYYY-MM-DD and a leading --", () => {
    expect(runCli(["--", "/tmp/b/beta.txt", "--published-at=2026-01-01"], read).code).toBe(0);
  });

  it.each([
    [[], /no input files/],
    [["/tmp/a/acme.txt", "--published-at", "March 2"], /YYYY-MM-DD/],
    [["/tmp/a/acme.txt", "--published-at", "2026-02-30"], /not a calendar date/],
    [["/tmp/a/acme.txt", "--verbose"], /unknown option/],
  ])("rejects bad usage %j on stderr with exit 2", (args, message) => {
    const r = runCli(args, read);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  it("fails with exit 1 on an unreadable file and prints nothing on stdout", () => {
    const r = runCli(["/tmp/a/acme.txt", "/nope.txt"], read);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/cannot read \/nope\.txt/);
  });
});
