// Vitest runs outside the React server environment; the guard has nothing to guard there.
export {};
