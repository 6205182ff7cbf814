import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { ActorContext, ServiceContext } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import { clientAddress } from "./client-address";
import { currentActor } from "./session";
import { errorForLog } from "@/lib/errors/log";

export type ActionResult<T = void> = {
  ok: boolean;
  error?: string;
  fieldErrors?: FieldErrors;
  correlationId?: string;
  data?: T;
};

/**
 * Runs a server action's domain call as the signed-in person and turns errors into
 * `{ok:false, error, fieldErrors, correlationId}` for useActionState (never the raw message of an unknown error).
 */
export async function runAction<T>(fn: (ctx: ActorContext) => Promise<T>): Promise<ActionResult<T>> {
  const correlationId = randomUUID();
  return settle(correlationId, async () => {
    const actor = await currentActor();
    if (!actor) return { ok: false, error: "Your session has ended. Sign in again.", correlationId };
    const data = await fn({ db: await getDb(), actor, correlationId });
    return { ok: true, data, correlationId };
  });
}

/** A server action anyone may call (sign-up, forgot password): no actor, the client's address for rate limits. */
export async function runPublicAction<T>(
  fn: (ctx: ServiceContext & { ip: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  const correlationId = randomUUID();
  return settle(correlationId, async () => {
    const ip = clientAddress(await headers());
    const data = await fn({ db: await getDb(), actor: null, correlationId, ip });
    return { ok: true, data, correlationId };
  });
}

async function settle<T>(correlationId: string, run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors, correlationId };
    console.error(
      JSON.stringify({ level: "error", correlationId, msg: "server action failed", error: errorForLog(e) }),
    );
    return { ok: false, error: "Something went wrong on our side.", correlationId };
  }
}
