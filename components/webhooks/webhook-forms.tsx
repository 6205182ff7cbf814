"use client";
import { useActionState } from "react";
import {
  createWebhookAction,
  deleteWebhookAction,
  redeliverWebhookAction,
  setWebhookActiveAction,
  updateWebhookSettingsAction,
} from "@/app/(portal)/webhooks/actions";
import { SecretBlock } from "@/components/registration/copy-button";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/http/action-result";

function Failure({ state }: { state: ActionResult<unknown> }) {
  return !state.ok && state.error ? (
    <span role="alert" className="ml-2 text-sm text-red-600">
      {state.error}
    </span>
  ) : null;
}

/** Adds an endpoint and shows its signing secret once. */
export function CreateWebhookForm({
  organisationId,
  kinds,
}: {
  organisationId: string;
  kinds: { kind: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(createWebhookAction, { ok: false });
  return (
    <div className="space-y-4">
      {state.ok && state.data && (
        <Notice kind="success">
          <p className="mb-2 font-medium">
            Endpoint {state.data.url} added. Copy its signing secret now: it will not be shown again.
          </p>
          <SecretBlock label="Signing secret" value={state.data.secret} testId="webhook-secret" />
        </Notice>
      )}
      {!state.ok && state.error && !state.fieldErrors && (
        <Notice kind="error" correlationId={state.correlationId}>
          {state.error}
        </Notice>
      )}
      <form action={action} className="space-y-4">
        <input type="hidden" name="organisationId" value={organisationId} />
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          required
          placeholder="https://example.org/portico-webhooks"
          errors={state.fieldErrors?.url}
        />
        <TextField label="Description" name="description" maxLength={200} errors={state.fieldErrors?.description} />
        <fieldset>
          <legend className="text-sm font-medium">Events to send</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {kinds.map((k) => (
              <label key={k.kind} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="kinds" value={k.kind} defaultChecked className="h-4 w-4" />
                <span className="font-mono text-xs">{k.kind}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
    </div>
  );
}

export function WebhookRowActions({
  organisationId,
  id,
  url,
  active,
}: {
  organisationId: string;
  id: string;
  url: string;
  active: boolean;
}) {
  const [toggled, toggle, toggling] = useActionState(setWebhookActiveAction, { ok: false });
  const [deleted, remove, removing] = useActionState(deleteWebhookAction, { ok: false });
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <form action={toggle}>
        <input type="hidden" name="organisationId" value={organisationId} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value={String(!active)} />
        <Button
          type="submit"
          variant="secondary"
          disabled={toggling}
          aria-label={`${active ? "Pause" : "Resume"} ${url}`}
        >
          {active ? "Pause" : "Resume"}
        </Button>
        <Failure state={toggled} />
      </form>
      <form
        action={remove}
        onSubmit={(e) => {
          if (!confirm(`Remove the endpoint ${url} and its delivery log?`)) e.preventDefault();
        }}
      >
        <input type="hidden" name="organisationId" value={organisationId} />
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="danger" disabled={removing} aria-label={`Remove ${url}`}>
          Remove
        </Button>
        <Failure state={deleted} />
      </form>
    </div>
  );
}

export function RedeliverButton({
  organisationId,
  webhookId,
  id,
  label,
}: {
  organisationId: string;
  webhookId: string;
  id: string;
  label: string;
}) {
  const [state, action, pending] = useActionState(redeliverWebhookAction, { ok: false });
  return (
    <form action={action}>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="webhookId" value={webhookId} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Redeliver ${label}`}>
        {pending ? "Queuing…" : state.ok ? "Queued" : "Redeliver"}
      </Button>
      <Failure state={state} />
    </form>
  );
}

/** The admin's SSRF switch: may webhooks go to private, loopback and link-local addresses? */
export function WebhookSettingsForm({ allowPrivateTargets }: { allowPrivateTargets: boolean }) {
  const [state, action, pending] = useActionState(updateWebhookSettingsAction, { ok: false });
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="allowPrivateTargets" defaultChecked={allowPrivateTargets} className="h-4 w-4" />
        Allow webhook endpoints in private, loopback and link-local ranges
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        Save
      </Button>
      {state.ok && (
        <span role="status" className="text-sm text-green-700 dark:text-green-300">
          Saved.
        </span>
      )}
      <Failure state={state} />
    </form>
  );
}
