import { randomUUID } from "node:crypto";
import type { ActorContext } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
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
  try {
    const actor = await currentActor();
    if (!actor) return { ok: false, error: "Your session has ended. Sign in again.", correlationId };
    const data = await fn({ db: await getDb(), actor, correlationId });
    return { ok: true, data, correlationId };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors, correlationId };
    console.error(
      JSON.stringify({ level: "error", correlationId, msg: "server action failed", error: errorForLog(e) }),
    );
    return { ok: false, error: "Something went wrong on our side.", correlationId };
  }
}
