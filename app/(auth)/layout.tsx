import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <Link href="/" className="mb-8 font-serif text-2xl font-semibold tracking-tight">Corroborate</Link>
      {children}
    </main>
  );
}
