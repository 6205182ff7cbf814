CREATE TABLE "provider_entitlement_assignments" (
	"entitlement_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_entitlement_assignments_entitlement_id_subject_pk" PRIMARY KEY("entitlement_id","subject")
);
--> statement-breakpoint
CREATE TABLE "provider_entitlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"namespace" text NOT NULL,
	"project_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"role" "access_role" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_entitlement_assignments" ADD CONSTRAINT "provider_entitlement_assignments_entitlement_id_provider_entitlements_id_fk" FOREIGN KEY ("entitlement_id") REFERENCES "public"."provider_entitlements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_entitlement_assignments" ADD CONSTRAINT "provider_entitlement_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_entitlements" ADD CONSTRAINT "provider_entitlements_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "provider_entitlements" ADD CONSTRAINT "provider_entitlements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_entitlement_assignments_subject_idx" ON "provider_entitlement_assignments" USING btree ("subject");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_entitlements_name_idx" ON "provider_entitlements" USING btree ("name");--> statement-breakpoint
CREATE INDEX "provider_entitlements_provider_idx" ON "provider_entitlements" USING btree ("provider_id","project_id");