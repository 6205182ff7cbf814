import { events, notifications, type EventRow } from "@/drizzle/schema";
import type { ServiceContext } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { enqueueMail, isMailable } from "@/lib/mail/enqueue-mail";
import { publicUrl } from "@/lib/mail/public-url";
import { renderMail } from "@/lib/mail/render-mail";
import { enqueueWebhookDeliveries } from "@/lib/webhooks/enqueue-webhook-deliveries";
import { EVENT_KINDS, type EventKind } from "./event-kinds";
import { emailOptedOut } from "./queries";
import { resolveRecipients, type Audience, type Recipient } from "./resolve-recipients";

export type NewEvent = {
  kind: EventKind;
  subject: { type: string; id: string };
  /** The organisation the thing belongs to: its webhooks hear the event. */
  organisationId?: string | null;
  /** One line for the inbox and the e-mail's subject. Never a secret. */
  title: string;
  /** A sentence or two more. Never a secret. */
  body?: string;
  /** The portal path of the thing that changed. */
  link: string;
  /** What machines (webhooks, the API) get as the event's data. Never a secret. */
  data?: Record<string, unknown>;
  audience: Audience;
  /** For "once per …" events: a second event with the same key is not emitted. */
  dedupeKey?: string;
};

function mailFor(event: EventRow, person: Recipient) {
  return renderMail({
    subject: event.title,
    greeting: `Hello ${person.name || person.username},`,
    paragraphs: [event.title.endsWith(".") ? event.title : `${event.title}.`, ...(event.body ? [event.body] : [])],
    action: { label: "Open in Portico", href: event.link },
    footer: `You receive this e-mail because you are one of ${EVENT_KINDS[event.kind as EventKind].audience} in Portico. Choose which e-mails you get on your profile: ${publicUrl("/profile")}`,
  });
}

/**
 * Records a domain event in the caller's transaction, together with who hears of it: one inbox entry per
 * person, and an e-mail to each (sent after commit by the mail delivery job). The person who caused it is
 * not told. Returns null when `dedupeKey` was already used (the event happened before).
 */
export async function emitEvent(
  tx: Executor,
  ctx: Pick<ServiceContext, "actor" | "correlationId">,
  input: NewEvent,
): Promise<{ event: EventRow; recipients: Recipient[] } | null> {
  const [event] = await tx
    .insert(events)
    .values({
      kind: input.kind,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      organisationId: input.organisationId ?? null,
      title: input.title.slice(0, 200),
      body: (input.body ?? "").slice(0, 2000),
      link: input.link,
      data: input.data ?? {},
      actorId: ctx.actor?.kind === "human" ? ctx.actor.id : null,
      correlationId: ctx.correlationId,
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!event) return null;
  await enqueueWebhookDeliveries(tx, event);
  const recipients = await resolveRecipients(tx, input.audience, ctx.actor?.id);
  const optedOut = await emailOptedOut(
    tx,
    input.kind,
    recipients.map((r) => r.id),
  );
  for (const person of recipients) {
    // An address no mail server would take must not undo the change: the inbox still has it.
    const mail =
      !optedOut.has(person.id) && isMailable(person.email)
        ? await enqueueMail(tx, {
            to: person.email,
            ...mailFor(event, person),
            purpose: "notification",
            userId: person.id,
            correlationId: ctx.correlationId,
          })
        : null;
    await tx.insert(notifications).values({ eventId: event.id, userId: person.id, mailId: mail?.id ?? null });
  }
  return { event, recipients };
}
