CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TYPE "public"."registration_origin" AS ENUM('integration_module', 'wizard');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('pending', 'signed', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "onboarding_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"registration_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_credentials" (
	"provider_pk" uuid PRIMARY KEY NOT NULL,
	"service_user_id" uuid NOT NULL,
	"refresh_digest" text NOT NULL,
	"refresh_ciphertext" text NOT NULL,
	"refresh_prefix" text NOT NULL,
	"generation" integer DEFAULT 1 NOT NULL,
	"public_key" text NOT NULL,
	"private_key_ciphertext" text NOT NULL,
	"revealed_at" timestamp with time zone,
	"rotated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_digest" text NOT NULL,
	"token_ciphertext" text NOT NULL,
	"origin" "registration_origin" NOT NULL,
	"status" "registration_status" DEFAULT 'pending' NOT NULL,
	"spec_id" text NOT NULL,
	"domain" text NOT NULL,
	"https" boolean NOT NULL,
	"port" integer,
	"product" jsonb NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"abbreviation" text DEFAULT '' NOT NULL,
	"logo" text DEFAULT '' NOT NULL,
	"requested_by" uuid,
	"requester_ip" text DEFAULT '' NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"provider_pk" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "welcome_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"outbox_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"http_status" integer,
	"ok" boolean NOT NULL,
	"error" text,
	"worker" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "welcome_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_pk" uuid NOT NULL,
	"registration_id" uuid,
	"url" text NOT NULL,
	"payload_ciphertext" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claim_id" uuid,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "onboarding_drafts" ADD CONSTRAINT "onboarding_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_drafts" ADD CONSTRAINT "onboarding_drafts_registration_id_registration_requests_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_credentials" ADD CONSTRAINT "provider_credentials_provider_pk_providers_pk_fk" FOREIGN KEY ("provider_pk") REFERENCES "public"."providers"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_credentials" ADD CONSTRAINT "provider_credentials_service_user_id_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_provider_pk_providers_pk_fk" FOREIGN KEY ("provider_pk") REFERENCES "public"."providers"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_attempts" ADD CONSTRAINT "welcome_attempts_outbox_id_welcome_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."welcome_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_outbox" ADD CONSTRAINT "welcome_outbox_provider_pk_providers_pk_fk" FOREIGN KEY ("provider_pk") REFERENCES "public"."providers"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_outbox" ADD CONSTRAINT "welcome_outbox_registration_id_registration_requests_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "onboarding_drafts_user_idx" ON "onboarding_drafts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_credentials_refresh_idx" ON "provider_credentials" USING btree ("refresh_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_credentials_service_user_idx" ON "provider_credentials" USING btree ("service_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_requests_token_idx" ON "registration_requests" USING btree ("token_digest");--> statement-breakpoint
CREATE INDEX "registration_requests_spec_idx" ON "registration_requests" USING btree ("spec_id");--> statement-breakpoint
CREATE INDEX "registration_requests_status_idx" ON "registration_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "registration_requests_signed_by_idx" ON "registration_requests" USING btree ("signed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "welcome_attempts_outbox_attempt_idx" ON "welcome_attempts" USING btree ("outbox_id","attempt");--> statement-breakpoint
CREATE INDEX "welcome_outbox_due_idx" ON "welcome_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "welcome_outbox_provider_idx" ON "welcome_outbox" USING btree ("provider_pk");