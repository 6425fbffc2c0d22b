-- The repayment method the enterprise applied for and the one the approval (授信) set are two facts:
-- before, approval overwrote applications.repayment_method, so 申请内容 showed the bank's choice.
ALTER TABLE "applications" ADD COLUMN "approved_repayment_method" "repayment_method";--> statement-breakpoint
-- Approved applications: the column held the approval's method; the enterprise's is in the audit row of
-- its submission (append-only), where one was recorded.
UPDATE "applications" a
SET "approved_repayment_method" = a."repayment_method",
    "repayment_method" = coalesce(
      (SELECT (e."after" ->> 'repaymentMethod')::"repayment_method"
         FROM "audit_events" e
        WHERE e."entity" = 'application' AND e."entity_id" = a."id"::text AND e."action" = 'application.submit'
          AND e."after" ->> 'repaymentMethod' IS NOT NULL
        ORDER BY e."at" LIMIT 1),
      a."repayment_method")
WHERE a."approved_amount_fen" IS NOT NULL AND a."repayment_method" IS NOT NULL;
