import type { ReactNode } from "react";

/** Success or error feedback; errors carry the correlation id so support can find them in the audit log. */
export function Notice({
  kind,
  children,
  correlationId,
}: {
  kind: "success" | "error" | "info";
  children: ReactNode;
  correlationId?: string;
}) {
  const styles = {
    success: "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100",
    error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
    info: "border-slate-300 bg-white text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
  }[kind];
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      data-notice={kind}
      className={`rounded-md border px-4 py-3 text-sm ${styles}`}
    >
      {children}
      {correlationId && <span className="mt-1 block text-xs opacity-75">Correlation id: {correlationId}</span>}
    </div>
  );
}
