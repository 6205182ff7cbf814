"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * useActionState without React's automatic form reset: on an error the person's input stays in place;
 * on success `onDone` runs (e.g. to reset the form).
 */
export function useFormAction<T>(action: (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>) {
  const [state, dispatch, pending] = useActionState(action, { ok: false } as ActionResult<T>);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, onSubmit, pending, fe: state.fieldErrors ?? {} };
}
