CREATE TABLE "agreement_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"rank" text NOT NULL,
	"person_name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agreement_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"rank" text NOT NULL,
	"from_name" text NOT NULL,
	"to_name" text NOT NULL,
	"notes" text NOT NULL,
	"open_items" text DEFAULT '' NOT NULL,
	"meeting_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_reminders" (
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"days_before" integer NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_reminders_agreement_id_kind_days_before_due_on_pk" PRIMARY KEY("agreement_id","kind","days_before","due_on")
);
--> statement-breakpoint
ALTER TABLE "agreement_contacts" ADD CONSTRAINT "agreement_contacts_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_contacts" ADD CONSTRAINT "agreement_contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_handovers" ADD CONSTRAINT "agreement_handovers_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_reminders" ADD CONSTRAINT "agreement_reminders_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_contacts_agreement" ON "agreement_contacts" USING btree ("agreement_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_contacts_active_rank" ON "agreement_contacts" USING btree ("agreement_id","organization_id","rank") WHERE "agreement_contacts"."active";--> statement-breakpoint
CREATE INDEX "agreement_handovers_agreement" ON "agreement_handovers" USING btree ("agreement_id","created_at");