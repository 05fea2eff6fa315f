CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_follows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"local_gov_code" char(6) NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"department_id" uuid,
	"title" text NOT NULL,
	"background" text NOT NULL,
	"goal" text NOT NULL,
	"offer" text DEFAULT '' NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"plan_policy" text DEFAULT '' NOT NULL,
	"plan_field" text,
	"starts_on" date,
	"deadline" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "theme_follows" ADD CONSTRAINT "theme_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_department_id_organizations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_subject" ON "attachments" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "theme_follows_unique" ON "theme_follows" USING btree ("user_id","kind","value");--> statement-breakpoint
CREATE INDEX "theme_follows_target" ON "theme_follows" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "themes_public" ON "themes" USING btree ("status","published_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "themes_municipality" ON "themes" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "themes_local_gov" ON "themes" USING btree ("local_gov_code","status");--> statement-breakpoint
CREATE INDEX "themes_prefecture" ON "themes" USING btree ("prefecture_code","status");--> statement-breakpoint
CREATE INDEX "themes_deadline" ON "themes" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "themes_fields" ON "themes" USING gin ("fields");--> statement-breakpoint
CREATE INDEX "themes_search_trgm" ON "themes" USING gin ("search_text" gin_trgm_ops);