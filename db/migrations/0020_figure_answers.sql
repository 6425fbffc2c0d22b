CREATE TABLE "figure_answers" (
	"key" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"value" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	"took_ms" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
