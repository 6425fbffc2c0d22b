ALTER TYPE "public"."institution_status" ADD VALUE 'rejected';--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "rejection_reason" text;