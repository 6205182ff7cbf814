CREATE TABLE "accounting_projects" (
	"id" text PRIMARY KEY NOT NULL,
	"acronym" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"start_date" date,
	"end_date" date,
	"call_identifier" text DEFAULT '' NOT NULL,
	"creator_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "installation_capacities" (
	"id" text PRIMARY KEY NOT NULL,
	"installation_pk" integer NOT NULL,
	"metric_pk" integer NOT NULL,
	"value" double precision NOT NULL,
	"registered_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "installations" (
	"pk" serial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"project_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"infrastructure" text NOT NULL,
	"installation" text NOT NULL,
	"resource" text,
	"external_id" text,
	"unit_of_access_pk" integer NOT NULL,
	"creator_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_definitions" (
	"pk" serial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"metric_name" text NOT NULL,
	"metric_description" text DEFAULT '' NOT NULL,
	"unit_type" text NOT NULL,
	"metric_type" text NOT NULL,
	"creator_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_providers" (
	"project_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_providers_project_id_provider_id_pk" PRIMARY KEY("project_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"installation_pk" integer NOT NULL,
	"metric_pk" integer NOT NULL,
	"day" date NOT NULL,
	"value" double precision NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_daily_installation_pk_metric_pk_day_pk" PRIMARY KEY("installation_pk","metric_pk","day")
);
--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"installation_pk" integer NOT NULL,
	"metric_pk" integer NOT NULL,
	"time_period_start" timestamp with time zone NOT NULL,
	"time_period_end" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"group_id" text DEFAULT '' NOT NULL,
	"client_record_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "installation_capacities" ADD CONSTRAINT "installation_capacities_installation_pk_installations_pk_fk" FOREIGN KEY ("installation_pk") REFERENCES "public"."installations"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installation_capacities" ADD CONSTRAINT "installation_capacities_metric_pk_metric_definitions_pk_fk" FOREIGN KEY ("metric_pk") REFERENCES "public"."metric_definitions"("pk") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installations" ADD CONSTRAINT "installations_project_id_accounting_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."accounting_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installations" ADD CONSTRAINT "installations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "installations" ADD CONSTRAINT "installations_unit_of_access_pk_metric_definitions_pk_fk" FOREIGN KEY ("unit_of_access_pk") REFERENCES "public"."metric_definitions"("pk") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_providers" ADD CONSTRAINT "project_providers_project_id_accounting_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."accounting_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_providers" ADD CONSTRAINT "project_providers_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_installation_pk_installations_pk_fk" FOREIGN KEY ("installation_pk") REFERENCES "public"."installations"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_metric_pk_metric_definitions_pk_fk" FOREIGN KEY ("metric_pk") REFERENCES "public"."metric_definitions"("pk") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_installation_pk_installations_pk_fk" FOREIGN KEY ("installation_pk") REFERENCES "public"."installations"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_metric_pk_metric_definitions_pk_fk" FOREIGN KEY ("metric_pk") REFERENCES "public"."metric_definitions"("pk") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "installation_capacities_unique_idx" ON "installation_capacities" USING btree ("installation_pk","metric_pk","registered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "installations_id_idx" ON "installations" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "installations_external_id_idx" ON "installations" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "installations_provider_project_idx" ON "installations" USING btree ("provider_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_definitions_id_idx" ON "metric_definitions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "project_providers_provider_idx" ON "project_providers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "usage_daily_metric_day_idx" ON "usage_daily" USING btree ("metric_pk","day");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_records_natural_key_idx" ON "usage_records" USING btree ("installation_pk","metric_pk","time_period_start","time_period_end","user_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_records_client_id_idx" ON "usage_records" USING btree ("installation_pk","client_record_id") WHERE "usage_records"."client_record_id" is not null;