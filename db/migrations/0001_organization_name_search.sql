CREATE INDEX "organizations_name_id" ON "organizations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organizations_name_trgm" ON "organizations" USING gin ("name" gin_trgm_ops);