CREATE TABLE "agreement_cadences" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
	"steering_months" integer NOT NULL,
	"working_months" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_health" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"factors" jsonb NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_health_history" (
	"agreement_id" uuid NOT NULL,
	"day" date NOT NULL,
	"score" integer NOT NULL,
	CONSTRAINT "agreement_health_history_agreement_id_day_pk" PRIMARY KEY("agreement_id","day")
);
--> statement-breakpoint
CREATE TABLE "health_digests" (
	"municipality_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"sent_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_digests_municipality_id_week_of_pk" PRIMARY KEY("municipality_id","week_of")
);
--> statement-breakpoint
ALTER TABLE "agreement_cadences" ADD CONSTRAINT "agreement_cadences_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_cadences" ADD CONSTRAINT "agreement_cadences_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_health" ADD CONSTRAINT "agreement_health_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_health" ADD CONSTRAINT "agreement_health_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_health_history" ADD CONSTRAINT "agreement_health_history_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_digests" ADD CONSTRAINT "health_digests_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_health_municipality" ON "agreement_health" USING btree ("municipality_id","score");