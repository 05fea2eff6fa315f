CREATE INDEX "invitations_department" ON "invitations" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "memberships_department" ON "memberships" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "organizations_local_gov_code" ON "organizations" USING btree ("local_gov_code");