// The address a request came from, as the production server (scripts/server.ts) saw it. The
// server stamps it on every request under CLIENT_ADDRESS_HEADER, replacing whatever a client
// sent under that name, and sets ADDRESS_STAMPED_ENV for the process: code behind it trusts
// the header only then (under `next dev` anyone could send it). Imported by that plain Node
// server, so nothing here may import "server-only" modules.

export const CLIENT_ADDRESS_HEADER = "x-corroborate-client-address";
export const ADDRESS_STAMPED_ENV = "CORROBORATE_ADDRESS_STAMPED";

/**
 * The socket's peer, or with `trustProxy` (one reverse proxy in front, which appends the
 * address it saw to X-Forwarded-For) the last address that header names: the entries before
 * it come from the client and prove nothing.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const forwarded = trustProxy ? header?.split(",").at(-1)?.trim() : undefined;
  return forwarded || socketAddress || "unknown";
}

/** The stamped address, when this process runs behind scripts/server.ts; null otherwise. */
export function stampedAddress(get: (name: string) => string | null | undefined): string | null {
  return process.env[ADDRESS_STAMPED_ENV] === "1" ? (get(CLIENT_ADDRESS_HEADER) ?? null) : null;
}
