import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths; an absolute URL here would be an open redirect.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <LoginForm next={next} />
      <p className="text-sm text-stone-600">
        New here? <Link className="font-medium text-sky-700 underline" href="/signup">Create an account</Link>
      </p>
    </div>
  );
}
