import { createHash, randomUUID } from "node:crypto";

// This server process's identity. A request that claims an Idempotency-Key records it, so that after a
// crash (kill -9, power loss) the claim of a process that no longer exists can be taken over by a retry
// instead of answering "still being processed" forever. On PostgreSQL each process holds a session
// advisory lock on its instance key for its whole life (lib/db/client.ts): PostgreSQL drops it when the
// process's connection dies, so any process can tell a live owner from a dead one.
const state = globalThis as unknown as { __portico_instance?: string };

/** One id per process (globalThis: Next.js may load this module once per bundle). */
export function instanceId(): string {
  state.__portico_instance ??= randomUUID();
  return state.__portico_instance;
}

/** The advisory lock key (a positive bigint, as a decimal string) of an instance id. */
export function instanceLockKey(id: string): string {
  return BigInt(`0x${createHash("sha256").update(`portico-instance:${id}`).digest("hex").slice(0, 15)}`).toString();
}
