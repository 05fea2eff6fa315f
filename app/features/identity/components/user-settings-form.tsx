// The user's own settings: e-mail (at all, and per category at once, daily or
// not at all) and the interface language.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, SchemaForm, SelectField } from "~/ui/form";
import { Section } from "~/ui/layout";
import { mailCategories, mailDeliveries } from "~/features/notifications/constants";
import type { MailPreferences } from "~/features/notifications/schema";
import { notificationSettingsInput } from "../schema";

export function UserSettingsForm({
  emailNotifications,
  mail,
  locale,
  result,
}: {
  emailNotifications: boolean;
  mail: MailPreferences;
  locale: string;
  result?: unknown;
}) {
  const t = useT();
  return (
    <Section title={t("settings.notifications")}>
      <SchemaForm
        schema={notificationSettingsInput}
        result={result}
        intent="settings"
        method="post"
        className="flex max-w-xl flex-col gap-4"
      >
        <input type="hidden" name="intent" value="settings" />
        <Checkbox name="emailNotifications" label={t("settings.notifications.email")} defaultChecked={emailNotifications} />
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-std-17B-170">{t("settings.mail.legend")}</legend>
          <p className="text-std-16N-170">{t("settings.mail.lead")}</p>
          {mailCategories.map((category) => (
            <SelectField
              key={category}
              name={`mail.${category}`}
              label={t(`settings.mail.${category}`)}
              defaultValue={mail[category]}
              options={mailDeliveries.map((d) => ({ value: d, label: t(`settings.mail.delivery.${d}`) }))}
            />
          ))}
        </fieldset>
        <SelectField
          name="locale"
          label={t("app.language")}
          defaultValue={locale}
          options={[
            { value: "ja", label: "日本語" },
            { value: "en", label: "English" },
          ]}
        />
        <div>
          <Button>{t("settings.save")}</Button>
        </div>
      </SchemaForm>
    </Section>
  );
}
