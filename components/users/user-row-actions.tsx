"use client";
import { useActionState } from "react";
import { updateUserAction } from "@/app/(portal)/users/actions";
import { Button } from "@/components/ui/button";

/** Change a user's role or (de)activate them, with confirmation for deactivation. */
export function UserRowActions({
  id,
  username,
  role,
  isActive,
}: {
  id: string;
  username: string;
  role: string;
  isActive: boolean;
}) {
  const [state, action, pending] = useActionState(updateUserAction, { ok: false });
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={action} className="flex items-center gap-2">
        <input type="hidden" name="id" value={id} />
        <label className="sr-only" htmlFor={`role-${id}`}>
          Role of {username}
        </label>
        <select
          id={`role-${id}`}
          name="role"
          defaultValue={role}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="member">member</option>
          <option value="support">support</option>
          <option value="admin">admin</option>
        </select>
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Save role of ${username}`}>
          Save
        </Button>
      </form>
      <form
        action={action}
        onSubmit={(e) => {
          if (isActive && !confirm(`Deactivate ${username}? They can no longer sign in or use their tokens.`))
            e.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
        <Button
          type="submit"
          variant={isActive ? "danger" : "secondary"}
          disabled={pending}
          aria-label={`${isActive ? "Deactivate" : "Reactivate"} ${username}`}
        >
          {isActive ? "Deactivate" : "Reactivate"}
        </Button>
      </form>
      {state.error && (
        <p role="alert" className="w-full text-right text-sm text-red-600">
          {state.error}
        </p>
      )}
      {state.ok && (
        <p className="w-full text-right text-sm text-green-700" role="status">
          Saved.
        </p>
      )}
    </div>
  );
}
