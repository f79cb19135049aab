import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-stone-600">This page does not exist, or the link was revoked or has expired.</p>
      <Link href="/" className="mt-6 inline-block text-sky-700 underline">Go to Corroborate</Link>
    </main>
  );
}
