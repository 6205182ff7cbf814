CREATE TABLE "metric_types" (
	"pk" serial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"metric_type" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"creator_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_types" (
	"pk" serial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"unit_type" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"creator_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "metric_types_id_idx" ON "metric_types" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_types_name_idx" ON "metric_types" USING btree (lower("metric_type"));--> statement-breakpoint
CREATE UNIQUE INDEX "unit_types_id_idx" ON "unit_types" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_types_name_idx" ON "unit_types" USING btree (lower("unit_type"));--> statement-breakpoint
-- The service's own types (empty creator_id: never changed nor deleted): ARGO's, then Portico's (seed 002's
-- "TB hours", the demo's "core hours", and plain time units), then every type a metric definition already names.
INSERT INTO "unit_types" ("id", "unit_type", "description") SELECT substr(md5('unit_type:' || lower(u)), 1, 24), u, d FROM (VALUES
	('TB', 'terabyte'), ('TB/year', 'terabyte per year'), ('Endpoints Monitored/hour', 'Endpoints Monitored per hour'),
	('Messages/hour', 'Messages per hour'), ('Service Updates', 'Service Updates'), ('#', 'number of'), ('count', 'count of'),
	('API reqs', 'API requests'), ('PID prefixes', 'PID prefixes'),
	('CPU Time', 'the exact amount of time that the CPU has spent processing data'), ('s', 'second'),
	('TB hours', 'terabyte hours'), ('core hours', 'CPU core hours'), ('hours', 'hours'), ('h', 'hour'), ('days', 'days')
) AS t(u, d) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "metric_types" ("id", "metric_type", "description") SELECT substr(md5('metric_type:' || lower(m)), 1, 24), m, d FROM (VALUES
	('aggregated', 'The sum of all values captured over the aggregation interval'),
	('count', 'It represents the total number of event occurrences in one time interval'),
	('summarised', 'It represents the measured values in one time interval'),
	('averaged', 'The average of the values captured in one time interval'),
	('max', 'The largest value captured in one time interval'), ('min', 'The smallest value captured in one time interval'),
	('average', 'The average of the values captured in one time interval')
) AS t(m, d) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "unit_types" ("id", "unit_type", "description")
SELECT DISTINCT ON (lower("unit_type")) substr(md5('unit_type:' || lower("unit_type")), 1, 24), "unit_type", "unit_type"
FROM "metric_definitions" ORDER BY lower("unit_type"), "pk" ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "metric_types" ("id", "metric_type", "description")
SELECT DISTINCT ON (lower("metric_type")) substr(md5('metric_type:' || lower("metric_type")), 1, 24), "metric_type", "metric_type"
FROM "metric_definitions" ORDER BY lower("metric_type"), "pk" ON CONFLICT DO NOTHING;
