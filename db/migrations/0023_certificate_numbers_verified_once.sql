-- A certificate number was unique across all enterprises, verified or not: a stranger could claim a
-- company's number first (the company then got 'already registered') and learn which numbers exist.
-- Now an enterprise holds a number once, and across enterprises only one may hold it verified: the
-- admin who verifies a second claim is told the number is verified for another enterprise.
DROP INDEX "certifications_kind_number_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_enterprise_kind_number_uq" ON "certifications" USING btree ("enterprise_id","kind","number");--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_verified_kind_number_uq" ON "certifications" USING btree ("kind","number") WHERE "certifications"."verification_status" = 'verified';