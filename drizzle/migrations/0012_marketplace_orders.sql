CREATE TYPE "public"."order_state" AS ENUM('pending-consumer', 'pending-provider', 'pending-project', 'pending-start-date', 'executing', 'done', 'erred', 'canceled', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."order_type" AS ENUM('Create', 'Update', 'Terminate', 'Restore');--> statement-breakpoint
CREATE TYPE "public"."resource_state" AS ENUM('Creating', 'OK', 'Erred', 'Updating', 'Terminating', 'Terminated');--> statement-breakpoint
CREATE TABLE "component_usages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"billing_period" date NOT NULL,
	"usage_record_id" bigint,
	"description" text DEFAULT '' NOT NULL,
	"recurring" boolean DEFAULT false NOT NULL,
	"date" timestamp with time zone NOT NULL,
	"modified_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketplace_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offering_id" uuid NOT NULL,
	"plan_id" uuid,
	"project_id" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"resource_name" text DEFAULT '' NOT NULL,
	"type" "order_type" DEFAULT 'Create' NOT NULL,
	"state" "order_state" DEFAULT 'pending-provider' NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_comment" text,
	"callback_url" text,
	"backend_id" text DEFAULT '' NOT NULL,
	"error_message" text DEFAULT '' NOT NULL,
	"error_traceback" text DEFAULT '' NOT NULL,
	"termination_comment" text,
	"created_by" uuid,
	"consumer_reviewed_by" uuid,
	"consumer_reviewed_at" timestamp with time zone,
	"provider_reviewed_by" uuid,
	"provider_reviewed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketplace_resources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"installation_pk" integer NOT NULL,
	"offering_id" uuid NOT NULL,
	"plan_id" uuid,
	"state" "resource_state" DEFAULT 'Creating' NOT NULL,
	"backend_id" text DEFAULT '' NOT NULL,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounting_projects" ADD COLUMN "uuid" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "accounting_projects" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "metric_definitions" ADD COLUMN "offering_component_id" uuid;--> statement-breakpoint
ALTER TABLE "component_usages" ADD CONSTRAINT "component_usages_resource_id_marketplace_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."marketplace_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "component_usages" ADD CONSTRAINT "component_usages_component_id_offering_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."offering_components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "component_usages" ADD CONSTRAINT "component_usages_modified_by_users_id_fk" FOREIGN KEY ("modified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_orders" ADD CONSTRAINT "marketplace_orders_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_orders" ADD CONSTRAINT "marketplace_orders_plan_id_offering_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."offering_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_orders" ADD CONSTRAINT "marketplace_orders_project_id_accounting_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."accounting_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_orders" ADD CONSTRAINT "marketplace_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_orders" ADD CONSTRAINT "marketplace_orders_consumer_reviewed_by_users_id_fk" FOREIGN KEY ("consumer_reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_orders" ADD CONSTRAINT "marketplace_orders_provider_reviewed_by_users_id_fk" FOREIGN KEY ("provider_reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_resources" ADD CONSTRAINT "marketplace_resources_installation_pk_installations_pk_fk" FOREIGN KEY ("installation_pk") REFERENCES "public"."installations"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_resources" ADD CONSTRAINT "marketplace_resources_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_resources" ADD CONSTRAINT "marketplace_resources_plan_id_offering_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."offering_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "component_usages_period_idx" ON "component_usages" USING btree ("resource_id","component_id","billing_period");--> statement-breakpoint
CREATE INDEX "marketplace_orders_offering_state_idx" ON "marketplace_orders" USING btree ("offering_id","state");--> statement-breakpoint
CREATE INDEX "marketplace_orders_project_idx" ON "marketplace_orders" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "marketplace_orders_resource_idx" ON "marketplace_orders" USING btree ("resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marketplace_resources_installation_idx" ON "marketplace_resources" USING btree ("installation_pk");--> statement-breakpoint
CREATE INDEX "marketplace_resources_offering_idx" ON "marketplace_resources" USING btree ("offering_id","state");--> statement-breakpoint
ALTER TABLE "accounting_projects" ADD CONSTRAINT "accounting_projects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_definitions" ADD CONSTRAINT "metric_definitions_offering_component_id_offering_components_id_fk" FOREIGN KEY ("offering_component_id") REFERENCES "public"."offering_components"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "metric_definitions_offering_component_idx" ON "metric_definitions" USING btree ("offering_component_id");--> statement-breakpoint
ALTER TABLE "accounting_projects" ADD CONSTRAINT "accounting_projects_uuid_idx" UNIQUE("uuid");