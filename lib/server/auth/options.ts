import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { stampedAddress } from "@/lib/server/http/client-address";
import { checkSignIn } from "./sign-in";

function clientAddress(headers: unknown): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = (headers as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(value) ? value[0] : value;
  };
  // Stamped by the production server (scripts/server.ts), which also honours TRUST_PROXY;
  // without it (the dev server) no header can be trusted, and every client counts as one.
  return stampedAddress(get) ?? "unknown";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const outcome = await checkSignIn(credentials, clientAddress(req?.headers));
        // A thrown message reaches the sign-in form as `error`; returning null would hide it.
        if (!outcome.ok) throw new Error(outcome.message);
        return outcome.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
