import { afterEach, describe, expect, it } from "vitest";
import { ADDRESS_STAMPED_ENV, CLIENT_ADDRESS_HEADER, clientAddressOf, stampedAddress } from "./client-address";

describe("clientAddressOf", () => {
  it("is the socket's peer unless a proxy is trusted", () => {
    expect(clientAddressOf("203.0.113.7", "198.51.100.1", false)).toBe("203.0.113.7");
    expect(clientAddressOf(undefined, undefined, false)).toBe("unknown");
  });

  it("behind a proxy, takes the address the proxy appended, not one the client sent", () => {
    // The client sent "1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddressOf("10.0.0.2", "1.2.3.4, 203.0.113.7", true)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.2", ["1.2.3.4", "203.0.113.7"], true)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.2", undefined, true)).toBe("10.0.0.2");
  });
});

describe("stampedAddress", () => {
  const before = process.env[ADDRESS_STAMPED_ENV];
  afterEach(() => {
    if (before === undefined) delete process.env[ADDRESS_STAMPED_ENV];
    else process.env[ADDRESS_STAMPED_ENV] = before;
  });
  const headers = (name: string) => (name === CLIENT_ADDRESS_HEADER ? "203.0.113.7" : null);

  it("is trusted only when the production server stamped every request", () => {
    delete process.env[ADDRESS_STAMPED_ENV];
    expect(stampedAddress(headers)).toBeNull();
    process.env[ADDRESS_STAMPED_ENV] = "1";
    expect(stampedAddress(headers)).toBe("203.0.113.7");
  });
});
