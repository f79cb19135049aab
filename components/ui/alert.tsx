export function Alert({ tone = "error", children }: { tone?: "error" | "info" | "success"; children: React.ReactNode }) {
  const styles = { error: "bg-red-50 text-red-800 ring-red-200", info: "bg-sky-50 text-sky-900 ring-sky-200", success: "bg-emerald-50 text-emerald-900 ring-emerald-200" }[tone];
  return <div role={tone === "error" ? "alert" : "status"} className={`rounded-md px-3 py-2 text-sm ring-1 ${styles}`}>{children}</div>;
}
