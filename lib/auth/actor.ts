import type { Db } from "@/lib/db/client";

export type GlobalRole = "admin" | "support" | "member";

/** Who is acting: a person (session), a user's API token, or a provider's short-lived access token. */
export type Actor = {
  id: string;
  username: string;
  email: string;
  name: string;
  role: GlobalRole;
  kind: "human" | "service";
  via: "session" | "token" | "access-token";
  tokenId?: string;
  /** Set when the actor is a provider authenticated with an access token from /auth/refresh. */
  providerId?: string;
};

/** What every domain operation receives: the database, the actor and the request's correlation id. */
export type ServiceContext = { db: Db; actor: Actor | null; correlationId: string };
export type ActorContext = ServiceContext & { actor: Actor };

export const actorLabel = (actor: Actor | null): string => (actor ? actor.username : "anonymous");
