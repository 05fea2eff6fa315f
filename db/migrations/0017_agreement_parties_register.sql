ALTER TABLE "agreement_parties" ADD COLUMN "agreement_updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "agreement_parties_register" ON "agreement_parties" USING btree ("organization_id","agreement_updated_at","agreement_id");--> statement-breakpoint
-- Each party row carries its agreement's updated_at, kept by the database so no code path can forget it.
UPDATE "agreement_parties" AS p SET "agreement_updated_at" = a."updated_at" FROM "agreements" AS a WHERE a."id" = p."agreement_id";--> statement-breakpoint
CREATE FUNCTION "agreement_parties_copy_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "updated_at" INTO NEW."agreement_updated_at" FROM "agreements" WHERE "id" = NEW."agreement_id";
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "agreement_parties_copy_updated_at" BEFORE INSERT OR UPDATE OF "agreement_id" ON "agreement_parties"
  FOR EACH ROW EXECUTE FUNCTION "agreement_parties_copy_updated_at"();--> statement-breakpoint
CREATE FUNCTION "agreements_share_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "agreement_parties" SET "agreement_updated_at" = NEW."updated_at"
    WHERE "agreement_id" = NEW."id" AND "agreement_updated_at" IS DISTINCT FROM NEW."updated_at";
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "agreements_share_updated_at" AFTER UPDATE OF "updated_at" ON "agreements"
  FOR EACH ROW WHEN (OLD."updated_at" IS DISTINCT FROM NEW."updated_at") EXECUTE FUNCTION "agreements_share_updated_at"();
