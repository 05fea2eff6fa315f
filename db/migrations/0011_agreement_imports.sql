CREATE TABLE "agreement_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"headers" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"row_numbers" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_count" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agreement_imports" ADD CONSTRAINT "agreement_imports_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_imports" ADD CONSTRAINT "agreement_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_imports_municipality" ON "agreement_imports" USING btree ("municipality_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "agreement_imports_created_by" ON "agreement_imports" USING btree ("created_by");