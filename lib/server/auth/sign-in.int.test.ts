// Password sign-in: one message for every wrong guess, and a pause after ten failures for
// an email or from an address within fifteen minutes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createUser, randomIp, TEST_PASSWORD, uniq } from "@/lib/server/testing/fixtures";
import { checkSignIn } from "./sign-in";

const WRONG = { ok: false, reason: "invalid", message: "Wrong email or password." };

async function failTimes(n: number, email: (i: number) => string, ip: string) {
  for (let i = 0; i < n; i++) expect(await checkSignIn({ email: email(i), password: `wrong password ${i}` }, ip)).toEqual(WRONG);
}

describe("checkSignIn", () => {
  it("returns the user for the right password, and never the password hash", async () => {
    const user = await createUser({ name: "Right Password" });
    const outcome = await checkSignIn({ email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD }, randomIp());
    expect(outcome).toEqual({ ok: true, user: { id: user.id, email: user.email, name: "Right Password" } });
  });

  it("gives the same answer for a wrong password and for an email without an account", async () => {
    const user = await createUser();
    expect(await checkSignIn({ email: user.email, password: "not the password" }, randomIp())).toEqual(WRONG);
    expect(await checkSignIn({ email: `nobody-${uniq()}@int.corroborate.test`, password: TEST_PASSWORD }, randomIp())).toEqual(WRONG);
    expect(await checkSignIn({ email: "not an email", password: TEST_PASSWORD }, randomIp())).toEqual(WRONG);
  });

  it("still lets the right password in after nine failures", async () => {
    const user = await createUser();
    await failTimes(9, () => user.email, randomIp());
    expect(await checkSignIn({ email: user.email, password: TEST_PASSWORD }, randomIp())).toMatchObject({ ok: true });
  });

  it("pauses an account after ten failures, even for the right password and from another address", async () => {
    const user = await createUser();
    const bystander = await createUser();
    // Ten failures spread over several addresses, as a distributed guesser would.
    const ips = [randomIp(), randomIp(), randomIp()];
    for (let i = 0; i < 10; i++) {
      expect(await checkSignIn({ email: user.email, password: `guess ${i}` }, ips[i % 3]!)).toEqual(WRONG);
    }
    const locked = await checkSignIn({ email: user.email, password: TEST_PASSWORD }, randomIp());
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok) expect(locked.message).toMatch(/sign-in is paused/i);
    // Another account signs in from one of the same addresses.
    expect(await checkSignIn({ email: bystander.email, password: TEST_PASSWORD }, ips[0]!)).toMatchObject({ ok: true });
  });

  it("pauses an address after ten failures against different emails, and only that address", async () => {
    const ip = randomIp();
    const victims = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    await failTimes(10, (i) => victims[i]!.email, ip);
    const user = await createUser();
    const locked = await checkSignIn({ email: user.email, password: TEST_PASSWORD }, ip);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok) expect(locked.message).toMatch(/sign-in is paused/i);
    expect(await checkSignIn({ email: user.email, password: TEST_PASSWORD }, randomIp())).toMatchObject({ ok: true });
  });

  it("forgets failures older than fifteen minutes", async () => {
    const user = await createUser();
    const ip = randomIp();
    const sixteenMinutesAgo = new Date(Date.now() - 16 * 60_000);
    await db.loginAttempt.createMany({ data: Array.from({ length: 12 }, () => ({ email: user.email, ip, succeeded: false, createdAt: sixteenMinutesAgo })) });
    expect(await checkSignIn({ email: user.email, password: TEST_PASSWORD }, ip)).toMatchObject({ ok: true });
  });
});
