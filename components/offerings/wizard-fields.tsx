import { useEffect, useRef } from "react";
import type { FieldErrors } from "@/lib/errors/app-error";

export type StepProps<T> = { value: T; onChange: (v: T) => void; errors: FieldErrors };

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900";

/** Errors for one field, tied to its input by id. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-xs text-red-600 dark:text-red-400">
      {errors.join(" ")}
    </p>
  );
}

export const invalid = (id: string, errors?: string[]) =>
  errors?.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};

/** Adding or removing a row re-renders the list: focus then goes to the element with this id (the new row's first field, or the Add button). */
export function useFocusAfterChange() {
  const target = useRef<string | null>(null);
  useEffect(() => {
    if (!target.current) return;
    document.getElementById(target.current)?.focus();
    target.current = null;
  });
  return (id: string) => {
    target.current = id;
  };
}
