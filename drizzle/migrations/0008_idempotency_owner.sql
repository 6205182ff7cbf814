ALTER TABLE "usage_records" DROP CONSTRAINT "usage_records_installation_pk_installations_pk_fk";
--> statement-breakpoint
ALTER TABLE "usage_records" DROP CONSTRAINT "usage_records_metric_pk_metric_definitions_pk_fk";
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "owner" text;