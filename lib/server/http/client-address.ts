// The address a request came from, as the production server (scripts/server.ts) saw it. The
// server stamps it on every request under CLIENT_ADDRESS_HEADER, replacing whatever a client
// sent under that name, so code behind it can rely on the header. Imported by that plain Node
// server, so nothing here may import "server-only" modules.

export const CLIENT_ADDRESS_HEADER = "x-corroborate-client-address";

/**
 * The socket's peer, or with `trustProxy` (a reverse proxy in front that sets
 * X-Forwarded-For) the first address that header names.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  const forwarded = trustProxy ? header?.split(",")[0]?.trim() : undefined;
  return forwarded || socketAddress || "unknown";
}
