import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Corroborate", template: "%s · Corroborate" },
  description: "Turn many articles that disagree into one brief that can be trusted.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
