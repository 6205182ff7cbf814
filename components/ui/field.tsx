import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900";

type FieldProps = { label: string; name: string; errors?: string[]; hint?: ReactNode };

/** A labelled input with its errors beside it (aria-describedby ties them together). */
export function TextField({ label, name, errors, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const errId = `${props.id ?? name}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={props.id ?? name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={props.id ?? name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errId : undefined}
        className={control}
        {...props}
      />
      {hint && <p className="text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      {errors?.length ? (
        <p id={errId} className="text-sm text-red-600 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  name,
  errors,
  children,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const errId = `${props.id ?? name}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={props.id ?? name} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={props.id ?? name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errId : undefined}
        className={control}
        {...props}
      >
        {children}
      </select>
      {errors?.length ? (
        <p id={errId} className="text-sm text-red-600 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
