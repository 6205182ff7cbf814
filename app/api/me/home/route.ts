// GET /api/me/home — the caller's home (the dashboard's data): next steps, providers, offerings, usage, tokens, queue
import { homeFor } from "@/lib/dashboard/home";
import { homeOperation } from "@/lib/dialects/portal/operations";
import { handle } from "@/lib/http/handle";

export const GET = handle(homeOperation, async ({ db, actor }) => ({ body: await homeFor(db, actor) }));
