// better-auth configured for Renkei: email + password, Argon2id hashes,
// sessions in HTTP-only cookies, our own table names, no telemetry. We call
// its server API from route actions (forms work without JavaScript), so its
// HTTP handler is not mounted.
import { hash, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../db/client.server";
import { authAccounts, authSessions, authVerifications, users } from "../db/schema";

export interface AuthConfig {
  baseUrl: string;
  secret: string;
  secureCookies: boolean;
  /** Receives the reset token; the app mails its own /reset-password link. */
  onPasswordReset: (input: { userId: string; email: string; name: string; token: string }) => Promise<void>;
  /**
   * Called once a password was reset (from a mailed link) or changed (with
   * the current one): the app revokes what the sessions do not cover, its API
   * tokens. better-auth itself revokes the sessions.
   */
  onPasswordChanged: (input: { userId: string; reason: "password_reset" | "password_change" }) => Promise<void>;
}

// OWASP's minimum recommended Argon2id parameters (19 MiB, 2 passes).
const argon2Options = { algorithm: 2 /* Argon2id; the enum is const-only */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function createAuth(db: Db, config: AuthConfig) {
  return betterAuth({
    baseURL: config.baseUrl,
    secret: config.secret,
    trustedOrigins: [new URL(config.baseUrl).origin],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: authSessions, account: authAccounts, verification: authVerifications },
    }),
    telemetry: { enabled: false },
    advanced: {
      // Session and user in one statement (identity/tables.ts authSessionRelations).
      database: { generateId: "uuid", joins: true },
      useSecureCookies: config.secureCookies,
      cookiePrefix: "renkei",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: config.secureCookies },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Our columns on the user row, so the session's user is the whole person and
    // the gate needs no second read of it (issue 19). Never set through sign-up.
    user: {
      additionalFields: {
        locale: { type: "string", required: false, input: false },
        emailNotifications: { type: "boolean", required: false, input: false },
        lastMembershipId: { type: "string", required: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: {
        hash: (password) => hash(password, argon2Options),
        verify: ({ hash: digest, password }) => verify(digest, password),
      },
      sendResetPassword: async ({ user, token }) => {
        await config.onPasswordReset({ userId: user.id, email: user.email, name: user.name, token });
      },
      onPasswordReset: async ({ user }) => {
        await config.onPasswordChanged({ userId: user.id, reason: "password_reset" });
      },
    },
    hooks: {
      // Runs for auth.api calls too; only a change that succeeded names the user in its answer.
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/change-password") return;
        const returned = ctx.context.returned as { user?: { id?: string } } | undefined;
        if (!returned || isAPIError(returned) || !returned.user?.id) return;
        await config.onPasswordChanged({ userId: returned.user.id, reason: "password_change" });
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Checks email + password without creating a session (for POST /api/v1/tokens).
 * Hashes even for unknown emails so response time does not reveal accounts.
 */
export async function verifyCredentials(
  auth: Auth,
  email: string,
  password: string,
): Promise<{ id: string; name: string; email: string } | null> {
  const ctx = await auth.$context;
  const found = await ctx.internalAdapter.findUserByEmail(email.toLowerCase(), { includeAccounts: true });
  const account = found?.accounts.find((a) => a.providerId === "credential");
  if (!found || !account?.password) {
    await ctx.password.hash(password);
    return null;
  }
  const ok = await ctx.password.verify({ hash: account.password, password });
  return ok ? { id: found.user.id, name: found.user.name, email: found.user.email } : null;
}
