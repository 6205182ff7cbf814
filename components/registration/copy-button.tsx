"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={() => navigator.clipboard?.writeText(value).then(() => setCopied(true))}
      aria-label={label}
    >
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

export function SecretBlock({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium">{label}</p>
      <div className="flex flex-wrap items-start gap-2">
        <pre
          data-testid={testId}
          className="max-w-full flex-1 overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all whitespace-pre-wrap text-slate-900 dark:bg-slate-800 dark:text-slate-100"
        >
          {value}
        </pre>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
