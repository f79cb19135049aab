// The one shape every action and command returns: expected failures are values, with a
// message that is safe to show; only bugs throw.
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_state"
  | "rate_limited"
  | "internal";

export type Failure = { ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> };
export type Result<T> = { ok: true; data: T } | Failure;

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

const defaultMessages: Record<ErrorCode, string> = {
  invalid_input: "Some of the input is not valid.",
  unauthenticated: "Please sign in first.",
  forbidden: "Your role in this workspace does not allow that.",
  not_found: "That record does not exist or is not in this workspace.",
  conflict: "Someone else changed this in the meantime.",
  invalid_state: "That is not possible in the record's current state.",
  rate_limited: "Too many attempts. Please wait and try again.",
  internal: "Something went wrong on our side. Nothing was saved.",
};

export function fail(code: ErrorCode, message?: string, details?: Record<string, unknown>): Failure {
  return { ok: false, code, message: message ?? defaultMessages[code], ...(details ? { details } : {}) };
}

/** HTTP status for a failure code, for route handlers. */
export function httpStatus(code: ErrorCode): number {
  return { invalid_input: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, invalid_state: 409, rate_limited: 429, internal: 500 }[code];
}
