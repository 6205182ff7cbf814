// Child process for the kill test: posts one large batch through ingestUsage and is killed mid-way.
import { getDb } from "../../db/client";
import { ingestUsage } from "../ingest-usage";

const { INSTALLATION_ID, METRIC_ID, ACTOR, COUNT } = process.env;
const n = Number(COUNT);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const records = Array.from({ length: n }, (_, k) => ({
  metric_definition_id: METRIC_ID!,
  time_period_start: iso(Date.UTC(2020, 0, 1) + k * 60_000),
  time_period_end: iso(Date.UTC(2020, 0, 1) + (k + 1) * 60_000),
  value: 1,
}));
const db = await getDb();
process.stdout.write("ingesting\n");
await ingestUsage({ db, actor: JSON.parse(ACTOR!), correlationId: "kill-test" }, INSTALLATION_ID!, records);
process.stdout.write("committed\n");
process.exit(0);
