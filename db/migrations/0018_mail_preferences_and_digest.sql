CREATE TABLE "mail_preferences" (
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"delivery" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_preferences_user_id_category_pk" PRIMARY KEY("user_id","category")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "awaits_digest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_awaiting_digest" ON "notifications" USING btree ("user_id","created_at") WHERE "notifications"."awaits_digest";