import { asc, eq, inArray } from "drizzle-orm";
import { metricDefinitions, offeringComponents, type OfferingRow } from "@/drizzle/schema";
import type { Executor } from "@/lib/db/client";
import { newObjectId } from "@/lib/accounting/ids";
import { registerTypes, UNIT_TYPES } from "@/lib/accounting/type-registries";

export type ComponentMetric = { componentId: string; type: string; metricPk: number; metricId: string };

/**
 * The metric definition that accounts for each component of the offering (made on first need, once): usage a
 * site sets for a component is stored as usage records of that metric, so ARGO reports and charts show it.
 */
export async function ensureComponentMetrics(
  tx: Executor,
  offering: OfferingRow,
  creatorId: string,
): Promise<ComponentMetric[]> {
  const components = await tx
    .select()
    .from(offeringComponents)
    .where(eq(offeringComponents.offeringId, offering.id))
    .orderBy(asc(offeringComponents.position), asc(offeringComponents.type));
  if (!components.length) return [];
  // A metric definition names registered types (ARGO): the components' units join the unit-type registry.
  await registerTypes(
    tx,
    UNIT_TYPES,
    components.map((c) => c.measuredUnit || c.type),
    creatorId,
  );
  await tx
    .insert(metricDefinitions)
    .values(
      components.map((c) => ({
        id: newObjectId(),
        metricName: c.name,
        metricDescription: `${offering.name}: ${c.name} (${c.type})`,
        unitType: c.measuredUnit || c.type,
        metricType: "aggregated",
        creatorId,
        offeringComponentId: c.id,
      })),
    )
    .onConflictDoNothing({ target: metricDefinitions.offeringComponentId });
  const metrics = await tx
    .select({ pk: metricDefinitions.pk, id: metricDefinitions.id, componentId: metricDefinitions.offeringComponentId })
    .from(metricDefinitions)
    .where(
      inArray(
        metricDefinitions.offeringComponentId,
        components.map((c) => c.id),
      ),
    );
  return components.map((c) => {
    const m = metrics.find((x) => x.componentId === c.id)!;
    return { componentId: c.id, type: c.type, metricPk: m.pk, metricId: m.id };
  });
}
