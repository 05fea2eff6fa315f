// The user's own settings: e-mail notifications and the interface language.
import { Form } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, SelectField } from "~/ui/form";
import { Section } from "~/ui/layout";

export function UserSettingsForm({ emailNotifications, locale }: { emailNotifications: boolean; locale: string }) {
  const t = useT();
  return (
    <Section title={t("settings.notifications")}>
      <Form method="post" className="flex max-w-xl flex-col gap-4">
        <input type="hidden" name="intent" value="settings" />
        <Checkbox name="emailNotifications" label={t("settings.notifications.email")} defaultChecked={emailNotifications} />
        <SelectField
          name="locale"
          label={t("app.language")}
          required
          defaultValue={locale}
          options={[
            { value: "ja", label: "日本語" },
            { value: "en", label: "English" },
          ]}
        />
        <div>
          <Button>{t("settings.save")}</Button>
        </div>
      </Form>
    </Section>
  );
}
