import type { Metadata } from "next";
import Link from "next/link";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignupPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Create an account</h1>
      <p className="text-sm text-stone-600">You get a personal workspace; owners of other workspaces can add you to theirs.</p>
      <SignupForm />
      <p className="text-sm text-stone-600">
        Already have an account? <Link className="font-medium text-sky-700 underline" href="/login">Sign in</Link>
      </p>
    </div>
  );
}
