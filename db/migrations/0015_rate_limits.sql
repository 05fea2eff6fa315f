-- Failure counters of the sign-in, token, password-reset and sign-up limits
-- (rate-limiter-flexible's RateLimiterPostgres layout: key, points, expire in
-- epoch milliseconds). Created here so the app never runs DDL at request time;
-- shared by every app process on the database and kept across restarts.
CREATE TABLE IF NOT EXISTS "rate_limits" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rate_limits_expire_idx" ON "rate_limits" ("expire");
