CREATE TABLE "agreement_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"field" text NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"horizon" text DEFAULT 'short' NOT NULL,
	"department_id" uuid,
	"partner_owner" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"signatory_title" text DEFAULT '' NOT NULL,
	"signatory_name" text DEFAULT '' NOT NULL,
	CONSTRAINT "agreement_parties_agreement_id_organization_id_pk" PRIMARY KEY("agreement_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"local_gov_code" char(6) NOT NULL,
	"proposal_id" uuid,
	"title" text NOT NULL,
	"method" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"roles" text DEFAULT '' NOT NULL,
	"consultation_body" text DEFAULT '' NOT NULL,
	"cost_sharing" text DEFAULT '' NOT NULL,
	"confidentiality" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"renewal_rule" text DEFAULT 'explicit' NOT NULL,
	"renewal_years" integer,
	"objection_deadline" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"signed_on" date,
	"ceremony" text DEFAULT '' NOT NULL,
	"press_release" text DEFAULT '' NOT NULL,
	"public_summary" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"evaluation" text,
	"end_reason" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_chains" (
	"municipality_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "approval_chains_municipality_id_position_pk" PRIMARY KEY("municipality_id","position")
);
--> statement-breakpoint
CREATE TABLE "approval_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"side" text NOT NULL,
	"party_org_id" uuid NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"approver_name" text,
	"decided_on" date,
	"comment" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agreement_events" ADD CONSTRAINT "agreement_events_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_items" ADD CONSTRAINT "agreement_items_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_items" ADD CONSTRAINT "agreement_items_department_id_organizations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_chains" ADD CONSTRAINT "approval_chains_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_events_agreement" ON "agreement_events" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE INDEX "agreement_items_agreement" ON "agreement_items" USING btree ("agreement_id","position");--> statement-breakpoint
CREATE INDEX "agreement_items_field" ON "agreement_items" USING btree ("field");--> statement-breakpoint
CREATE INDEX "agreement_parties_org" ON "agreement_parties" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "agreements_register" ON "agreements" USING btree ("municipality_id","status","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "agreements_public" ON "agreements" USING btree ("is_public","local_gov_code","signed_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "agreements_ends" ON "agreements" USING btree ("ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_proposal" ON "agreements" USING btree ("proposal_id") WHERE "agreements"."proposal_id" is not null;--> statement-breakpoint
CREATE INDEX "agreements_search_trgm" ON "agreements" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "approval_steps_agreement" ON "approval_steps" USING btree ("agreement_id","position");