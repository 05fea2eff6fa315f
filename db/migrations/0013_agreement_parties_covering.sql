DROP INDEX "agreement_parties_org";--> statement-breakpoint
CREATE INDEX "agreement_parties_org" ON "agreement_parties" USING btree ("organization_id","agreement_id");