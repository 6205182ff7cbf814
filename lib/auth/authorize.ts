import { AppError } from "@/lib/errors/app-error";
import type { Actor, GlobalRole } from "./actor";

export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthorized", "Authentication credentials were not provided.");
  return actor;
}

/** `admin` may do everything; `support` reads everything. */
export function requireRole(actor: Actor | null, ...roles: GlobalRole[]): Actor {
  const a = requireUser(actor);
  if (!roles.includes(a.role)) throw new AppError("forbidden", "You do not have permission to perform this action.");
  return a;
}

export const isAdmin = (actor: Actor | null) => actor?.role === "admin";
export const canReadAll = (actor: Actor | null) => actor?.role === "admin" || actor?.role === "support";

/** Per-object check: the owner or an admin may act on it; support may only read. */
export function requireOwnerOrAdmin(
  actor: Actor | null,
  ownerId: string | null,
  mode: "read" | "write" = "write",
): Actor {
  const a = requireUser(actor);
  if (a.role === "admin" || a.id === ownerId) return a;
  if (mode === "read" && a.role === "support") return a;
  throw new AppError("forbidden", "You do not have permission to perform this action.");
}
