// The user's API tokens: why older ones stopped working, the token just
// created (shown once), the form to create one, and the list to revoke from.
import { Form, Link } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, TextField } from "~/ui/form";
import { DataTable, Notice, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { createTokenInput, type ApiTokenView, type TokenRevocationView } from "../schema";

export function ApiTokensSection({
  tokens,
  revocation,
  created,
  result,
}: {
  tokens: ApiTokenView[];
  revocation: TokenRevocationView | null;
  /** The secret of a token created just now. */
  created: string | null;
  /** The action's refusal, shown if it answers the new-token form. */
  result?: unknown;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <Section title={t("settings.tokens")}>
      <p className="text-std-16N-170">{t("settings.tokens.lead")}</p>
      <p className="text-std-16N-170">
        <Link to="/developers/api" className="text-blue-1000 underline">
          {t("settings.tokens.reference")}
        </Link>
      </p>
      {revocation ? (
        <Notice>
          <p data-testid="tokens-revoked">
            {t(`settings.tokens.revokedBy.${revocation.reason}`, {
              date: format.dateTime(revocation.revokedAt),
              count: revocation.names.length,
              names: format.list([...new Set(revocation.names)]),
            })}
          </p>
        </Notice>
      ) : null}
      {created ? (
        <Notice kind="success">
          <p>{t("settings.tokens.created")}</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded-4 bg-white p-2 text-dns-16N-130">
            {created}
          </code>
        </Notice>
      ) : null}
      <SchemaForm schema={createTokenInput} result={result} intent="create-token" method="post" className="flex max-w-xl flex-col gap-4">
        <ErrorSummary labels={{ name: t("settings.tokens.name") }} />
        <input type="hidden" name="intent" value="create-token" />
        <TextField name="name" label={t("settings.tokens.name")} />
        <div>
          <Button>{t("settings.tokens.create")}</Button>
        </div>
      </SchemaForm>
      {tokens.length === 0 ? (
        <p>{t("settings.tokens.empty")}</p>
      ) : (
        <DataTable
          caption={t("settings.tokens")}
          head={[t("settings.tokens.name"), "ID", t("outbox.created"), t("settings.tokens.lastUsed"), t("table.actions")]}
          rows={tokens.map((tok) => [
            tok.name,
            <code key="p">rk_{tok.prefix}…</code>,
            format.dateTime(tok.createdAt),
            tok.lastUsedAt ? format.dateTime(tok.lastUsedAt) : t("settings.tokens.never"),
            <Form key="r" method="post">
              <input type="hidden" name="intent" value="revoke-token" />
              <input type="hidden" name="id" value={tok.id} />
              <Button variant="tertiary" aria-label={`${t("settings.tokens.revoke")}: ${tok.name}`}>
                {t("settings.tokens.revoke")}
              </Button>
            </Form>,
          ])}
        />
      )}
    </Section>
  );
}
