DROP INDEX "themes_public";--> statement-breakpoint
DROP INDEX "proposals_inbox";--> statement-breakpoint
DROP INDEX "proposals_inbox_recent";--> statement-breakpoint
CREATE INDEX "themes_public" ON "themes" USING btree ("status","published_at","id");--> statement-breakpoint
CREATE INDEX "proposals_inbox" ON "proposals" USING btree ("municipality_id","status",coalesce("submitted_at", "updated_at"),"id");--> statement-breakpoint
CREATE INDEX "proposals_inbox_recent" ON "proposals" USING btree ("municipality_id",coalesce("submitted_at", "updated_at"),"id");