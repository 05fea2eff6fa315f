CREATE TABLE "calendar_feed_tokens" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_tokens_hash" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "meeting_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_user_id" uuid,
	"due_date" date NOT NULL,
	"done_at" timestamp (3) with time zone,
	"done_by" uuid,
	"reminded_at" timestamp (3) with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text DEFAULT '' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"reminded_at" timestamp (3) with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_action_items_meeting" ON "meeting_action_items" USING btree ("meeting_id","due_date");--> statement-breakpoint
CREATE INDEX "meeting_action_items_agreement" ON "meeting_action_items" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "meeting_action_items_owner" ON "meeting_action_items" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "meeting_action_items_done_by" ON "meeting_action_items" USING btree ("done_by");--> statement-breakpoint
CREATE INDEX "meeting_action_items_created_by" ON "meeting_action_items" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "meeting_action_items_overdue" ON "meeting_action_items" USING btree ("due_date") WHERE "meeting_action_items"."done_at" is null and "meeting_action_items"."reminded_at" is null;--> statement-breakpoint
CREATE INDEX "meetings_agreement" ON "meetings" USING btree ("agreement_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_municipality" ON "meetings" USING btree ("municipality_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_created_by" ON "meetings" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "meetings_reminder_due" ON "meetings" USING btree ("starts_at") WHERE "meetings"."reminded_at" is null;