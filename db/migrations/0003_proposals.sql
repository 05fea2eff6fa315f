CREATE TABLE "proposal_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_name" text NOT NULL,
	"due_date" date,
	"done_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"actor_org_id" uuid,
	"note" text,
	"grounds" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" text DEFAULT 'message' NOT NULL,
	"body" text NOT NULL,
	"meeting_date" date,
	"attendees" text,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"author_org_id" uuid NOT NULL,
	"author_unit" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_shares" (
	"proposal_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"shared_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_shares_proposal_id_department_id_pk" PRIMARY KEY("proposal_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"department_id" uuid,
	"role" text NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposer_org_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"local_gov_code" char(6) NOT NULL,
	"theme_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"benefit_citizens" text DEFAULT '' NOT NULL,
	"benefit_partner" text DEFAULT '' NOT NULL,
	"benefit_municipality" text DEFAULT '' NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"method" text DEFAULT 'undecided' NOT NULL,
	"resources" text DEFAULT '' NOT NULL,
	"period_start" date,
	"period_end" date,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"decline_grounds" text[] DEFAULT '{}'::text[] NOT NULL,
	"decline_reason" text,
	"client_token" text,
	"publish_agreed_by_desk" boolean DEFAULT false NOT NULL,
	"publish_agreed_by_proposer" boolean DEFAULT false NOT NULL,
	"public_summary" text,
	"search_text" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_matrix" (
	"municipality_id" uuid NOT NULL,
	"method" text NOT NULL,
	"stage" text NOT NULL,
	"desk" text NOT NULL,
	"department" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_matrix_municipality_id_method_stage_pk" PRIMARY KEY("municipality_id","method","stage")
);
--> statement-breakpoint
ALTER TABLE "proposal_action_items" ADD CONSTRAINT "proposal_action_items_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_messages" ADD CONSTRAINT "proposal_messages_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_shares" ADD CONSTRAINT "proposal_shares_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_shares" ADD CONSTRAINT "proposal_shares_department_id_organizations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_views" ADD CONSTRAINT "proposal_views_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposer_org_id_organizations_id_fk" FOREIGN KEY ("proposer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_matrix" ADD CONSTRAINT "role_matrix_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_action_items_proposal" ON "proposal_action_items" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_events_proposal" ON "proposal_events" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "proposal_messages_proposal" ON "proposal_messages" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "proposal_shares_department" ON "proposal_shares" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "proposal_views_proposal" ON "proposal_views" USING btree ("proposal_id","viewed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_client_token" ON "proposals" USING btree ("proposer_org_id","client_token") WHERE "proposals"."client_token" is not null;--> statement-breakpoint
CREATE INDEX "proposals_inbox" ON "proposals" USING btree ("municipality_id","status","submitted_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "proposals_inbox_recent" ON "proposals" USING btree ("municipality_id","submitted_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "proposals_proposer" ON "proposals" USING btree ("proposer_org_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "proposals_theme" ON "proposals" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "proposals_search_trgm" ON "proposals" USING gin ("search_text" gin_trgm_ops);