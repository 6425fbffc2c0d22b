CREATE TABLE "figure_claims" (
	"key" text NOT NULL,
	"version" bigint NOT NULL,
	"claimed_by" text NOT NULL,
	"until" timestamp with time zone NOT NULL,
	CONSTRAINT "figure_claims_key_version_pk" PRIMARY KEY("key","version")
);
