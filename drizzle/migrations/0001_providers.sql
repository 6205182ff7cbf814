CREATE TYPE "public"."access_role" AS ENUM('admin', 'collector', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."grant_source" AS ENUM('acl', 'entitlement', 'portal');--> statement-breakpoint
CREATE TYPE "public"."provider_source" AS ENUM('argo', 'registration', 'catalogue', 'portal');--> statement-breakpoint
CREATE TABLE "provider_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"subject" text NOT NULL,
	"role" "access_role" NOT NULL,
	"source" "grant_source" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id" text NOT NULL,
	"resource_number" bigserial NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"abbreviation" text DEFAULT '' NOT NULL,
	"logo" text DEFAULT '' NOT NULL,
	"creator_id" text DEFAULT '' NOT NULL,
	"source" "provider_source" NOT NULL,
	"organisation_id" uuid,
	"owner_user_id" uuid,
	"domain" text,
	"https" boolean,
	"port" integer,
	"product" jsonb,
	"catalogue_record" jsonb,
	"imported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_access_grants" ADD CONSTRAINT "provider_access_grants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "provider_access_grants_unique_idx" ON "provider_access_grants" USING btree ("project_id","provider_id","subject","role");--> statement-breakpoint
CREATE INDEX "provider_access_grants_subject_idx" ON "provider_access_grants" USING btree ("subject");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_id_idx" ON "providers" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_resource_number_idx" ON "providers" USING btree ("resource_number");--> statement-breakpoint
CREATE INDEX "providers_name_lower_idx" ON "providers" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "providers_organisation_idx" ON "providers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "providers_owner_idx" ON "providers" USING btree ("owner_user_id");