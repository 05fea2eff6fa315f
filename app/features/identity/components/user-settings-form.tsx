// The user's own settings: e-mail notifications and the interface language.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, SchemaForm, SelectField } from "~/ui/form";
import { Section } from "~/ui/layout";
import { notificationSettingsInput } from "../schema";

export function UserSettingsForm({
  emailNotifications,
  locale,
  result,
}: {
  emailNotifications: boolean;
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
