CREATE TYPE "public"."application_status" AS ENUM('submitted', 'accepted', 'approved', 'disbursed', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."certification_kind" AS ENUM('high_tech', 'tech_sme', 'specialized_sme', 'little_giant', 'gazelle', 'seed_unicorn', 'potential_unicorn');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('filed', 'approved', 'paid', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."company_stage" AS ENUM('startup', 'growth', 'mature');--> statement-breakpoint
CREATE TYPE "public"."guarantee_method" AS ENUM('credit', 'mortgage', 'pledge', 'guarantee');--> statement-breakpoint
CREATE TYPE "public"."institution_kind" AS ENUM('bank', 'guarantee', 'other');--> statement-breakpoint
CREATE TYPE "public"."institution_status" AS ENUM('pending', 'active', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."ip_kind" AS ENUM('invention', 'utility_model', 'design', 'trademark', 'software_copyright', 'work_copyright');--> statement-breakpoint
CREATE TYPE "public"."ip_status" AS ENUM('free', 'pledged');--> statement-breakpoint
CREATE TYPE "public"."loan_status" AS ENUM('active', 'overdue', 'repaid', 'defaulted', 'compensated', 'written_off');--> statement-breakpoint
CREATE TYPE "public"."match_source" AS ENUM('engine', 'institution', 'enterprise');--> statement-breakpoint
CREATE TYPE "public"."match_status" AS ENUM('suggested', 'contacted', 'applied', 'declined');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'officer');--> statement-breakpoint
CREATE TYPE "public"."need_purpose" AS ENUM('working_capital', 'equipment', 'rnd', 'project', 'other');--> statement-breakpoint
CREATE TYPE "public"."need_status" AS ENUM('open', 'matched', 'fulfilled', 'withdrawn', 'expired');--> statement-breakpoint
CREATE TYPE "public"."pledge_status" AS ENUM('pending_registration', 'registered', 'released', 'enforced');--> statement-breakpoint
CREATE TYPE "public"."product_category" AS ENUM('points', 'digital', 'equipment', 'guarantee', 'ip_pledge', 'credit', 'other');--> statement-breakpoint
CREATE TYPE "public"."product_status" AS ENUM('draft', 'published', 'suspended', 'archived');--> statement-breakpoint
CREATE TYPE "public"."rate_type" AS ENUM('fixed', 'lpr_spread');--> statement-breakpoint
CREATE TYPE "public"."repayment_method" AS ENUM('equal_installment', 'equal_principal', 'interest_first', 'bullet');--> statement-breakpoint
CREATE TYPE "public"."scheme_kind" AS ENUM('ip_pledge_compensation', 'guarantee_fund', 'other');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('enterprise', 'institution', 'admin');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('active', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."verification_status" AS ENUM('unverified', 'verified', 'rejected');--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"from_status" "application_status",
	"to_status" "application_status" NOT NULL,
	"reason_code" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"need_id" uuid,
	"amount_fen" bigint NOT NULL,
	"term_months" integer NOT NULL,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"approved_amount_fen" bigint,
	"approved_rate_bp" integer,
	"approved_term_months" integer,
	"reject_reason" text,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_action_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"disbursed_at" timestamp with time zone,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_amount_chk" CHECK ("applications"."amount_fen" > 0 and "applications"."term_months" > 0),
	CONSTRAINT "applications_approved_chk" CHECK ("applications"."approved_amount_fen" is null or ("applications"."approved_amount_fen" > 0 and "applications"."approved_amount_fen" <= "applications"."amount_fen")),
	CONSTRAINT "applications_reject_reason_chk" CHECK ("applications"."status" <> 'rejected' or "applications"."reject_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"organisation_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" "certification_kind" NOT NULL,
	"number" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"verification_status" "verification_status" DEFAULT 'unverified' NOT NULL,
	"verification_note" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certifications_dates_chk" CHECK ("certifications"."valid_from" <= "certifications"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"loss_fen" bigint NOT NULL,
	"compensation_fen" bigint NOT NULL,
	"status" "claim_status" DEFAULT 'filed' NOT NULL,
	"reject_reason" text,
	"filed_by" uuid,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	CONSTRAINT "claims_amounts_chk" CHECK ("claims"."loss_fen" > 0 and "claims"."compensation_fen" >= 0 and "claims"."compensation_fen" <= "claims"."loss_fen")
);
--> statement-breakpoint
CREATE TABLE "consent_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consent_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"what" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"scope" text[] NOT NULL,
	"source" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"uscc_check_overridden" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"park_id" integer NOT NULL,
	"industry" text NOT NULL,
	"founded_on" date NOT NULL,
	"registered_capital_fen" bigint NOT NULL,
	"employees" integer NOT NULL,
	"revenue_fen" bigint NOT NULL,
	"rnd_expense_fen" bigint NOT NULL,
	"verification_status" "verification_status" DEFAULT 'unverified' NOT NULL,
	"verification_note" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_uscc_unique" UNIQUE("uscc"),
	CONSTRAINT "enterprises_industry_chk" CHECK ("enterprises"."industry" ~ '^[A-T]$'),
	CONSTRAINT "enterprises_amounts_chk" CHECK ("enterprises"."registered_capital_fen" >= 0 and "enterprises"."revenue_fen" >= 0 and "enterprises"."rnd_expense_fen" >= 0 and "enterprises"."employees" >= 0)
);
--> statement-breakpoint
CREATE TABLE "financing_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"term_months" integer NOT NULL,
	"purpose" "need_purpose" NOT NULL,
	"guarantee_methods" "guarantee_method"[] NOT NULL,
	"max_rate_bp" integer,
	"wanted_by" date,
	"description" text DEFAULT '' NOT NULL,
	"status" "need_status" DEFAULT 'open' NOT NULL,
	"first_institution_action_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financing_needs_amount_chk" CHECK ("financing_needs"."amount_fen" > 0 and "financing_needs"."term_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "innovation_inputs" (
	"enterprise_id" uuid NOT NULL,
	"period" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "innovation_inputs_enterprise_id_period_pk" PRIMARY KEY("enterprise_id","period")
);
--> statement-breakpoint
CREATE TABLE "innovation_scores" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"period" text NOT NULL,
	"total" numeric(6, 2) NOT NULL,
	"stage" "company_stage" NOT NULL,
	"weight_set_id" integer NOT NULL,
	"breakdown" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "innovation_weight_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"weights" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "innovation_weight_sets_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "institution_kind" NOT NULL,
	"uscc" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"status" "institution_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "ip_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" "ip_kind" NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"owners" text[] NOT NULL,
	"grant_date" date,
	"expiry_date" date,
	"in_force" boolean DEFAULT true NOT NULL,
	"fees_paid" boolean DEFAULT true NOT NULL,
	"valuation_fen" bigint,
	"appraiser" text,
	"valued_on" date,
	"status" "ip_status" DEFAULT 'free' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_repayments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"principal_fen" bigint NOT NULL,
	"interest_fen" bigint DEFAULT 0 NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_repayments_amount_chk" CHECK ("loan_repayments"."principal_fen" >= 0 and "loan_repayments"."interest_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"principal_fen" bigint NOT NULL,
	"annual_rate_bp" integer NOT NULL,
	"term_months" integer NOT NULL,
	"repayment_method" "repayment_method" NOT NULL,
	"disbursed_on" date NOT NULL,
	"matures_on" date NOT NULL,
	"disbursed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "loan_status" DEFAULT 'active' NOT NULL,
	"outstanding_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loans_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "loans_amounts_chk" CHECK ("loans"."principal_fen" > 0 and "loans"."outstanding_fen" >= 0 and "loans"."outstanding_fen" <= "loans"."principal_fen"),
	CONSTRAINT "loans_dates_chk" CHECK ("loans"."disbursed_on" < "loans"."matures_on")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lpr_rates" (
	"id" serial PRIMARY KEY NOT NULL,
	"effective_on" date NOT NULL,
	"one_year_bp" integer NOT NULL,
	"five_year_bp" integer NOT NULL,
	CONSTRAINT "lpr_rates_effective_on_unique" UNIQUE("effective_on")
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"source" "match_source" NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "match_status" DEFAULT 'suggested' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_score_chk" CHECK ("matches"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "need_ip_assets" (
	"need_id" uuid NOT NULL,
	"ip_asset_id" uuid NOT NULL,
	CONSTRAINT "need_ip_assets_need_id_ip_asset_id_pk" PRIMARY KEY("need_id","ip_asset_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"enterprise_id" uuid,
	"institution_id" uuid,
	"to_admins" boolean DEFAULT false NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"entity" text,
	"entity_id" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_recipient_chk" CHECK (num_nonnulls("notifications"."user_id", "notifications"."enterprise_id", "notifications"."institution_id") + (case when "notifications"."to_admins" then 1 else 0 end) = 1)
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"district_code" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "parks_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_reset_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "pledge_assets" (
	"pledge_id" uuid NOT NULL,
	"ip_asset_id" uuid NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	CONSTRAINT "pledge_assets_pledge_id_ip_asset_id_pk" PRIMARY KEY("pledge_id","ip_asset_id")
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"loan_id" uuid,
	"registration_number" text,
	"registered_on" date,
	"pledged_value_fen" bigint NOT NULL,
	"status" "pledge_status" DEFAULT 'pending_registration' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledges_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "pledges_registration_chk" CHECK ("pledges"."status" = 'pending_registration' or ("pledges"."registration_number" is not null and "pledges"."registered_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" "product_category" NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount_min_fen" bigint NOT NULL,
	"amount_max_fen" bigint NOT NULL,
	"term_min_months" integer NOT NULL,
	"term_max_months" integer NOT NULL,
	"rate_type" "rate_type" DEFAULT 'fixed' NOT NULL,
	"rate_min_bp" integer NOT NULL,
	"rate_max_bp" integer NOT NULL,
	"fee_bp" integer DEFAULT 0 NOT NULL,
	"subsidy_bp" integer DEFAULT 0 NOT NULL,
	"guarantee_methods" "guarantee_method"[] NOT NULL,
	"repayment_methods" "repayment_method"[] NOT NULL,
	"required_certifications" "certification_kind"[] DEFAULT '{}' NOT NULL,
	"min_innovation_score" numeric(6, 2),
	"min_years_in_operation" integer,
	"eligible_park_ids" integer[] DEFAULT '{}' NOT NULL,
	"eligible_industries" text[] DEFAULT '{}' NOT NULL,
	"max_employees" integer,
	"max_revenue_fen" bigint,
	"zone_exclusive" boolean DEFAULT false NOT NULL,
	"required_documents" text[] DEFAULT '{}' NOT NULL,
	"scheme_id" uuid,
	"status" "product_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_amount_chk" CHECK ("products"."amount_min_fen" > 0 and "products"."amount_min_fen" <= "products"."amount_max_fen"),
	CONSTRAINT "products_term_chk" CHECK ("products"."term_min_months" > 0 and "products"."term_min_months" <= "products"."term_max_months"),
	CONSTRAINT "products_rate_chk" CHECK ("products"."rate_min_bp" >= 0 and "products"."rate_min_bp" <= "products"."rate_max_bp" and "products"."rate_max_bp" <= 3600),
	CONSTRAINT "products_methods_chk" CHECK (cardinality("products"."guarantee_methods") > 0 and cardinality("products"."repayment_methods") > 0)
);
--> statement-breakpoint
CREATE TABLE "risk_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "scheme_kind" NOT NULL,
	"eligible_categories" "product_category"[] NOT NULL,
	"share_fund_bp" integer NOT NULL,
	"share_bank_bp" integer NOT NULL,
	"share_guarantor_bp" integer DEFAULT 0 NOT NULL,
	"share_insurer_bp" integer DEFAULT 0 NOT NULL,
	"share_evaluator_bp" integer DEFAULT 0 NOT NULL,
	"cap_per_loan_fen" bigint NOT NULL,
	"leverage_cap" numeric(6, 2),
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_schemes_code_unique" UNIQUE("code"),
	CONSTRAINT "risk_schemes_balance_chk" CHECK ("risk_schemes"."balance_fen" >= 0),
	CONSTRAINT "risk_schemes_shares_chk" CHECK ("risk_schemes"."share_fund_bp" + "risk_schemes"."share_bank_bp" + "risk_schemes"."share_guarantor_bp" + "risk_schemes"."share_insurer_bp" + "risk_schemes"."share_evaluator_bp" = 10000)
);
--> statement-breakpoint
CREATE TABLE "scheme_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"contributed_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheme_contributions_amount_chk" CHECK ("scheme_contributions"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "scheme_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"loan_id" uuid NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enrolled_by" uuid
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"enterprise_id" uuid,
	"institution_id" uuid,
	"member_role" "member_role",
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lower_chk" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_organisation_chk" CHECK (("users"."role" = 'admin' and "users"."enterprise_id" is null and "users"."institution_id" is null)
       or ("users"."role" = 'enterprise' and "users"."enterprise_id" is not null and "users"."institution_id" is null and "users"."member_role" is not null)
       or ("users"."role" = 'institution' and "users"."institution_id" is not null and "users"."enterprise_id" is null and "users"."member_role" is not null))
);
--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_need_id_financing_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."financing_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_enrolment_id_scheme_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."scheme_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_access_log" ADD CONSTRAINT "consent_access_log_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_access_log" ADD CONSTRAINT "consent_access_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_needs" ADD CONSTRAINT "financing_needs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_inputs" ADD CONSTRAINT "innovation_inputs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_scores" ADD CONSTRAINT "innovation_scores_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_scores" ADD CONSTRAINT "innovation_scores_weight_set_id_innovation_weight_sets_id_fk" FOREIGN KEY ("weight_set_id") REFERENCES "public"."innovation_weight_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_weight_sets" ADD CONSTRAINT "innovation_weight_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_assets" ADD CONSTRAINT "ip_assets_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_repayments" ADD CONSTRAINT "loan_repayments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_need_id_financing_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."financing_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_ip_assets" ADD CONSTRAINT "need_ip_assets_need_id_financing_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."financing_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_ip_assets" ADD CONSTRAINT "need_ip_assets_ip_asset_id_ip_assets_id_fk" FOREIGN KEY ("ip_asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_assets" ADD CONSTRAINT "pledge_assets_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_assets" ADD CONSTRAINT "pledge_assets_ip_asset_id_ip_assets_id_fk" FOREIGN KEY ("ip_asset_id") REFERENCES "public"."ip_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_scheme_id_risk_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."risk_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_contributions" ADD CONSTRAINT "scheme_contributions_scheme_id_risk_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."risk_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_contributions" ADD CONSTRAINT "scheme_contributions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_enrolments" ADD CONSTRAINT "scheme_enrolments_scheme_id_risk_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."risk_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_enrolments" ADD CONSTRAINT "scheme_enrolments_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_enrolments" ADD CONSTRAINT "scheme_enrolments_enrolled_by_users_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_idempotency_uq" ON "applications" USING btree ("enterprise_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "applications_institution_status_idx" ON "applications" USING btree ("institution_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_enterprise_idx" ON "applications" USING btree ("enterprise_id","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_product_idx" ON "applications" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "applications_need_idx" ON "applications" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_org_idx" ON "audit_events" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "certifications_enterprise_idx" ON "certifications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "certifications_verification_idx" ON "certifications" USING btree ("verification_status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_kind_number_uq" ON "certifications" USING btree ("kind","number");--> statement-breakpoint
CREATE INDEX "claims_enrolment_idx" ON "claims" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "claims_status_idx" ON "claims" USING btree ("status","filed_at");--> statement-breakpoint
CREATE INDEX "consent_access_log_consent_idx" ON "consent_access_log" USING btree ("consent_id","at");--> statement-breakpoint
CREATE INDEX "consents_pair_idx" ON "consents" USING btree ("enterprise_id","institution_id","expires_at");--> statement-breakpoint
CREATE INDEX "enterprises_park_idx" ON "enterprises" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "enterprises_verification_idx" ON "enterprises" USING btree ("verification_status","created_at");--> statement-breakpoint
CREATE INDEX "financing_needs_status_created_idx" ON "financing_needs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "financing_needs_enterprise_idx" ON "financing_needs" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "financing_needs_created_idx" ON "financing_needs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "innovation_scores_enterprise_idx" ON "innovation_scores" USING btree ("enterprise_id","computed_at");--> statement-breakpoint
CREATE INDEX "institutions_status_idx" ON "institutions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "ip_assets_enterprise_idx" ON "ip_assets" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_assets_enterprise_number_uq" ON "ip_assets" USING btree ("enterprise_id","kind","number");--> statement-breakpoint
CREATE INDEX "loan_repayments_loan_idx" ON "loan_repayments" USING btree ("loan_id","paid_on");--> statement-breakpoint
CREATE INDEX "loans_institution_idx" ON "loans" USING btree ("institution_id","disbursed_at");--> statement-breakpoint
CREATE INDEX "loans_enterprise_idx" ON "loans" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "loans_disbursed_at_idx" ON "loans" USING btree ("disbursed_at");--> statement-breakpoint
CREATE INDEX "loans_status_idx" ON "loans" USING btree ("status");--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_need_product_uq" ON "matches" USING btree ("need_id","product_id");--> statement-breakpoint
CREATE INDEX "matches_product_idx" ON "matches" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_enterprise_idx" ON "notifications" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_institution_idx" ON "notifications" USING btree ("institution_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_assets_one_live_uq" ON "pledge_assets" USING btree ("ip_asset_id") WHERE "pledge_assets"."live";--> statement-breakpoint
CREATE INDEX "pledges_loan_idx" ON "pledges" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "pledges_status_idx" ON "pledges" USING btree ("status");--> statement-breakpoint
CREATE INDEX "products_status_category_idx" ON "products" USING btree ("status","category","published_at");--> statement-breakpoint
CREATE INDEX "products_institution_idx" ON "products" USING btree ("institution_id","status");--> statement-breakpoint
CREATE INDEX "products_status_rate_idx" ON "products" USING btree ("status","rate_min_bp");--> statement-breakpoint
CREATE INDEX "products_status_amount_idx" ON "products" USING btree ("status","amount_max_fen");--> statement-breakpoint
CREATE INDEX "scheme_contributions_scheme_idx" ON "scheme_contributions" USING btree ("scheme_id","contributed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "scheme_enrolments_loan_uq" ON "scheme_enrolments" USING btree ("scheme_id","loan_id");--> statement-breakpoint
CREATE INDEX "scheme_enrolments_loan_idx" ON "scheme_enrolments" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "users_enterprise_idx" ON "users" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "users_institution_idx" ON "users" USING btree ("institution_id");