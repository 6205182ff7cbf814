import { z } from "zod";

const tone = z.enum(["red", "amber", "blue"]);
/** GET /api/me/home: the same home the dashboard page shows, by what the caller is. */
export const homeOutput = z.object({
  kind: z.enum(["provider", "federation", "support", "member"]),
  today: z.string().describe("UTC day the figures run to"),
  nextSteps: z.array(z.object({ key: z.string(), label: z.string(), href: z.string(), tone })),
  providers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      source: z.string(),
      registration: z.string().nullable(),
      welcome: z.enum(["delivered", "failing", "pending", "none"]),
      welcomeError: z.string().nullable(),
    }),
  ),
  offerings: z.array(
    z.object({
      state: z.string(),
      count: z.number(),
      next: z.object({ label: z.string(), href: z.string() }).nullable(),
    }),
  ),
  usage: z.array(
    z.object({
      metricName: z.string(),
      unit: z.string(),
      month: z.number().describe("usage from the 1st of this month (UTC) to today"),
      daily: z.array(z.number()).describe("one value per day of this month so far"),
      capacity: z.number().nullable().describe("capacities in force today, summed"),
      capacityUsed: z.number().nullable().describe("usage of those installations' capacity periods so far"),
      usagePercentage: z.number().nullable(),
    }),
  ),
  tokens: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      prefix: z.string(),
      expiresAt: z.string().nullable(),
      expiresSoon: z.boolean(),
    }),
  ),
  queue: z.array(
    z.object({ id: z.string(), name: z.string(), specId: z.string(), state: z.string(), createdAt: z.string() }),
  ),
  projects: z.array(z.object({ providerId: z.string(), providerName: z.string(), projectId: z.string() })),
});
