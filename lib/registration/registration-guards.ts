import type { RegistrationRequestRow } from "@/drizzle/schema";
import { AppError } from "@/lib/errors/app-error";
import { registrationState } from "./queries";

export const unknownToken = () =>
  new AppError("not_found", "Unknown registration token.", undefined, { type: "NOT_FOUND" });

/** Refuses a request that can no longer move: expired, rejected or already approved. */
export function requireOpen(row: RegistrationRequestRow, now = new Date()): void {
  const state = registrationState(row, now);
  if (state === "expired")
    throw new AppError(
      "gone",
      "This registration request has expired. Start the integration module again to get a new token.",
      undefined,
      { type: "EXPIRED" },
    );
  if (state === "rejected")
    throw new AppError(
      "conflict",
      `This registration request was rejected${row.rejectionReason ? `: ${row.rejectionReason}` : "."}`,
      undefined,
      { type: "REJECTED" },
    );
  if (state === "approved")
    throw new AppError("conflict", "This registration request has already been approved.", undefined, {
      type: "ALREADY_APPROVED",
    });
}

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
