import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Actor, GlobalRole } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { sessionActor } from "./request-actor";

/** The signed-in person for pages and server actions, re-read from the database on every request. */
export async function currentActor(): Promise<Actor | null> {
  const db = await getDb();
  const jar = await cookies();
  return sessionActor(db, jar.toString());
}

/** Pages: redirect to login when signed out, 403 page when the role does not fit. */
export async function requirePageActor(...roles: GlobalRole[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const path = (await headers()).get("x-portico-path") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (roles.length && !roles.includes(actor.role)) forbidden();
  return actor;
}

export async function correlationIdForAction(): Promise<string> {
  return (await headers()).get("x-correlation-id") ?? crypto.randomUUID();
}
