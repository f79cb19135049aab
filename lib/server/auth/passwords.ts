import "server-only";
import bcrypt from "bcryptjs";

const COST = 12;
export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

// Compared against when the email is unknown, so a miss costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;
export const dummyPasswordHash = () => (dummyHash ??= bcrypt.hash("no such account", COST));
