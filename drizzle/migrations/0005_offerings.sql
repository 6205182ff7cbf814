CREATE TYPE "public"."component_billing_type" AS ENUM('usage', 'fixed', 'one', 'few', 'limit');--> statement-breakpoint
CREATE TYPE "public"."component_limit_period" AS ENUM('month', 'quarterly', 'annual', 'total');--> statement-breakpoint
CREATE TYPE "public"."offering_role_name" AS ENUM('OFFERING.MANAGER');--> statement-breakpoint
CREATE TYPE "public"."offering_state" AS ENUM('Draft', 'Active', 'Paused', 'Archived');--> statement-breakpoint
CREATE TYPE "public"."plan_unit" AS ENUM('quantity', 'hour', 'day', 'half_month', 'month', 'quarter', 'year');--> statement-breakpoint
CREATE TABLE "marketplace_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"icon" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offering_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offering_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"measured_unit" text DEFAULT '' NOT NULL,
	"billing_type" "component_billing_type" NOT NULL,
	"limit_period" "component_limit_period",
	"limit_amount" integer,
	"article_code" text DEFAULT '' NOT NULL,
	"max_value" integer,
	"min_value" integer,
	"max_available_limit" integer,
	"is_boolean" boolean DEFAULT false NOT NULL,
	"default_limit" integer,
	"unit_factor" double precision DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offering_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offering_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offering_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"article_code" text DEFAULT '' NOT NULL,
	"max_amount" integer,
	"archived" boolean DEFAULT false NOT NULL,
	"unit" "plan_unit" DEFAULT 'month' NOT NULL,
	"backend_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offering_user_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offering_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "offering_role_name" NOT NULL,
	"expiration_time" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offerings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"full_description" text DEFAULT '' NOT NULL,
	"terms_of_service" text DEFAULT '' NOT NULL,
	"terms_of_service_link" text DEFAULT '' NOT NULL,
	"privacy_policy_link" text DEFAULT '' NOT NULL,
	"access_url" text DEFAULT '' NOT NULL,
	"native_name" text DEFAULT '' NOT NULL,
	"native_description" text DEFAULT '' NOT NULL,
	"vendor_details" text DEFAULT '' NOT NULL,
	"getting_started" text DEFAULT '' NOT NULL,
	"integration_guide" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"provider_pk" uuid,
	"type" text NOT NULL,
	"shared" boolean DEFAULT true NOT NULL,
	"billable" boolean DEFAULT true NOT NULL,
	"state" "offering_state" DEFAULT 'Draft' NOT NULL,
	"paused_reason" text DEFAULT '' NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"options" jsonb DEFAULT '{"order":[],"options":{}}'::jsonb NOT NULL,
	"resource_options" jsonb DEFAULT '{"order":[],"options":{}}'::jsonb NOT NULL,
	"plugin_options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secret_options" text,
	"service_attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"backend_id" text DEFAULT '' NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_components" (
	"plan_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"price" numeric(22, 10) DEFAULT '0' NOT NULL,
	"future_price" numeric(22, 10),
	"amount" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_components_plan_id_component_id_pk" PRIMARY KEY("plan_id","component_id")
);
--> statement-breakpoint
CREATE TABLE "waldur_user_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"native_name" text DEFAULT '' NOT NULL,
	"job_title" text DEFAULT '' NOT NULL,
	"phone_number" text DEFAULT '' NOT NULL,
	"organization" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"civil_number" text,
	"preferred_language" text DEFAULT '' NOT NULL,
	"token_lifetime" integer,
	"agreement_date" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "offering_components" ADD CONSTRAINT "offering_components_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_drafts" ADD CONSTRAINT "offering_drafts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_plans" ADD CONSTRAINT "offering_plans_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_user_roles" ADD CONSTRAINT "offering_user_roles_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_user_roles" ADD CONSTRAINT "offering_user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_user_roles" ADD CONSTRAINT "offering_user_roles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_category_id_marketplace_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."marketplace_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_provider_pk_providers_pk_fk" FOREIGN KEY ("provider_pk") REFERENCES "public"."providers"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_components" ADD CONSTRAINT "plan_components_plan_id_offering_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."offering_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_components" ADD CONSTRAINT "plan_components_component_id_offering_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."offering_components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waldur_user_profiles" ADD CONSTRAINT "waldur_user_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "marketplace_categories_title_lower_idx" ON "marketplace_categories" USING btree (lower("title"));--> statement-breakpoint
CREATE UNIQUE INDEX "offering_components_type_idx" ON "offering_components" USING btree ("offering_id","type");--> statement-breakpoint
CREATE INDEX "offering_drafts_owner_idx" ON "offering_drafts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "offering_plans_offering_idx" ON "offering_plans" USING btree ("offering_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offering_user_roles_unique_idx" ON "offering_user_roles" USING btree ("offering_id","user_id","role");--> statement-breakpoint
CREATE INDEX "offering_user_roles_user_idx" ON "offering_user_roles" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offerings_slug_idx" ON "offerings" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "offerings_organisation_idx" ON "offerings" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "offerings_category_idx" ON "offerings" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "offerings_provider_idx" ON "offerings" USING btree ("provider_pk");--> statement-breakpoint
CREATE INDEX "offerings_state_idx" ON "offerings" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "waldur_user_profiles_slug_idx" ON "waldur_user_profiles" USING btree ("slug");