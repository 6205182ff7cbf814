"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { WritableInstallation } from "@/lib/accounting/portal-queries";

type Result = { received: number; inserted: number; duplicates: number };
type Failure = { message: string; errors?: Record<string, string[]>; correlationId?: string };

/** `rows.12.value` → "Row 12, value". */
const describeWhere = (where: string) => {
  const m = where.match(/^rows\.(\d+)(?:\.(.+))?$/);
  return m ? `Row ${m[1]}${m[2] ? `, ${m[2]}` : ""}` : where;
};
const typeOf = (file: File) =>
  /\.(ndjson|jsonl)$/i.test(file.name)
    ? "application/x-ndjson"
    : /\.json$/i.test(file.name)
      ? "application/json"
      : "text/csv";

/** Drop or choose a CSV/NDJSON file; the upload shows its progress, then new / duplicate counts or the rejected rows. */
export function UsageUploadForm({ installations }: { installations: WritableInstallation[] }) {
  const [installation, setInstallation] = useState(installations[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  if (!installations.length)
    return (
      <Notice kind="info">
        You may not post usage to any installation yet: you need to own a provider with installations, or hold a
        collector role on one.
      </Notice>
    );

  const choose = (f: File | undefined) => {
    setFile(f ?? null);
    setResult(null);
    setFailure(null);
  };
  const upload = () => {
    if (!file) return setFailure({ message: "Choose a file first." });
    setResult(null);
    setFailure(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/accounting-system/installations/${encodeURIComponent(installation)}/metrics/bulk`);
    xhr.setRequestHeader("content-type", typeOf(file));
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 201) setResult(body as Result);
      else
        setFailure({
          message: String(body.message ?? `The upload failed (${xhr.status}).`),
          errors: body.errors as Record<string, string[]> | undefined,
          correlationId: body.correlation_id as string | undefined,
        });
    };
    xhr.onerror = () => {
      setProgress(null);
      setFailure({ message: "The upload could not reach the server. Check your connection and try again." });
    };
    xhr.send(file);
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        upload();
      }}
    >
      <SelectField
        label="Installation"
        name="installation"
        value={installation}
        onChange={(e) => setInstallation(e.target.value)}
      >
        {installations.map((i) => (
          <option key={i.id} value={i.id}>
            {i.label}
          </option>
        ))}
      </SelectField>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files[0]);
        }}
        className={`rounded-lg border-2 border-dashed p-6 text-center text-sm ${dragging ? "border-brand-500 bg-brand-50 dark:bg-slate-800" : "border-slate-300 dark:border-slate-600"}`}
      >
        <label htmlFor="usage-file" className="block font-medium">
          Drop a CSV or NDJSON file here, or choose one
        </label>
        <input
          ref={input}
          id="usage-file"
          name="file"
          type="file"
          accept=".csv,.ndjson,.jsonl,.json,text/csv,application/x-ndjson"
          className="mx-auto mt-3 block text-sm"
          onChange={(e) => choose(e.target.files?.[0])}
        />
        {file && (
          <p className="mt-2 text-slate-600 dark:text-slate-300">
            {file.name} · {(file.size / 1024).toFixed(1)} KiB
          </p>
        )}
      </div>
      {progress !== null && (
        <div>
          <label htmlFor="upload-progress" className="text-sm">
            Uploading… {progress}%
          </label>
          <progress id="upload-progress" max={100} value={progress} className="mt-1 block h-2 w-full" />
        </div>
      )}
      <Button type="submit" disabled={progress !== null || !file}>
        {progress !== null ? "Uploading…" : "Upload"}
      </Button>
      {result && (
        <Notice kind="success">
          <span data-testid="upload-result">
            Stored {result.inserted} new record{result.inserted === 1 ? "" : "s"}; {result.duplicates} duplicate
            {result.duplicates === 1 ? "" : "s"} skipped (of {result.received} in the file).
          </span>
        </Notice>
      )}
      {failure && (
        <Notice kind="error" correlationId={failure.correlationId}>
          <p>{failure.message}</p>
          {failure.errors && (
            <ul className="mt-2 list-disc pl-5" data-testid="upload-errors">
              {Object.entries(failure.errors).map(([where, msgs]) => (
                <li key={where}>
                  {describeWhere(where)}: {msgs.join(" ")}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
    </form>
  );
}
