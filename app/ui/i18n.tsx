// The active locale for components: provided once by the root layout.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { translator, type Locale, type Translate } from "~/lib/i18n";

const LocaleContext = createContext<Locale>("ja");

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
