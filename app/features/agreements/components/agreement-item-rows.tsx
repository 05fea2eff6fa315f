// The cooperation items (連携事項) of the register form, as many as the agreement
// has. With JavaScript rows are added and removed in place; without it the page
// offers spare rows and a "remove" box per row, and the server ignores rows
// left without a title or marked for removal (schema.isSpareRow).
import { useEffect, useRef, useState } from "react";
import { policyFieldCodes } from "~/lib/policy-fields";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, SelectField, TextField } from "~/ui/form";
import { useHydrated } from "~/ui/use-hydrated";
import { itemHorizons, itemPriorities } from "../schema";

export interface AgreementItemValues {
  title: string;
  description?: string;
  field: string;
  priority?: string;
  horizon?: string;
  departmentId?: string | null;
  partnerOwner?: string;
}

/** Rows served for the page without JavaScript, after the agreement's own. */
const SPARE_ROWS_WITHOUT_JAVASCRIPT = 3;

const blankItem = (): AgreementItemValues => ({ title: "", field: "", priority: "medium", horizon: "short", departmentId: null });

export function AgreementItemRows(props: { initial: AgreementItemValues[]; departments: { value: string; label: string }[] }) {
  const t = useT();
  const hydrated = useHydrated();
  const nextKey = useRef(0);
  const keyed = (item: AgreementItemValues) => ({ key: nextKey.current++, item });
  // A new agreement starts with one empty row to fill in.
  const [rows, setRows] = useState(() => (props.initial.length ? props.initial : [blankItem()]).map(keyed));
  // After adding or removing, where the keyboard goes: the new row's title, or the add button.
  const [focusAfter, setFocusAfter] = useState<{ row: number } | "add" | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusAfter === null) return;
    if (focusAfter === "add") addButton.current?.focus();
    else list.current?.querySelector<HTMLElement>(`#field-items-${focusAfter.row}-title`)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const add = () => {
    setRows((current) => [...current, keyed(blankItem())]);
    setFocusAfter({ row: rows.length });
  };
  const remove = (key: number) => {
    setRows((current) => current.filter((r) => r.key !== key));
    setFocusAfter("add");
  };

  return (
    <div ref={list} className="flex flex-col gap-4">
      {rows.map((row, i) => (
        <ItemRow key={row.key} index={i} item={row.item} departments={props.departments}>
          {hydrated ? (
            <Button type="button" variant="tertiary" className="justify-self-start" onClick={() => remove(row.key)}>
              {t("agreements.item.remove", { n: i + 1 })}
            </Button>
          ) : (
            <noscript>
              <Checkbox name={`items[${i}].remove`} label={t("agreements.item.removeOnSave")} />
            </noscript>
          )}
        </ItemRow>
      ))}
      {hydrated ? (
        <div>
          <Button ref={addButton} type="button" variant="secondary" onClick={add}>
            {t("agreements.item.add")}
          </Button>
        </div>
      ) : (
        <noscript>
          <div className="flex flex-col gap-4">
            {Array.from({ length: SPARE_ROWS_WITHOUT_JAVASCRIPT }, (_, n) => (
              <ItemRow key={n} index={rows.length + n} item={blankItem()} departments={props.departments} />
            ))}
          </div>
        </noscript>
      )}
    </div>
  );
}

function ItemRow(props: {
  index: number;
  item: AgreementItemValues;
  departments: { value: string; label: string }[];
  children?: React.ReactNode;
}) {
  const t = useT();
  const { index: i, item } = props;
  const name = (field: keyof AgreementItemValues) => `items[${i}].${field}`;
  return (
    <fieldset className="grid gap-4 rounded-8 border border-solid-gray-300 p-4 md:grid-cols-2">
      <legend className="px-1 text-std-16B-170">{t("agreements.item.number", { n: i + 1 })}</legend>
      <TextField name={name("title")} label={t("agreements.item.title")} required={false} defaultValue={item.title} />
      <SelectField
        name={name("field")}
        required={false}
        label={t("agreements.item.field")}
        placeholder={t("form.select")}
        options={policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }))}
        defaultValue={item.field}
      />
      <SelectField
        name={name("priority")}
        label={t("agreements.item.priority")}
        options={itemPriorities.map((p) => ({ value: p, label: t(`agreements.priority.${p}`) }))}
        defaultValue={item.priority ?? "medium"}
      />
      <SelectField
        name={name("horizon")}
        label={t("agreements.item.horizon")}
        options={itemHorizons.map((h) => ({ value: h, label: t(`agreements.horizon.${h}`) }))}
        defaultValue={item.horizon ?? "short"}
      />
      <SelectField
        name={name("departmentId")}
        label={t("agreements.item.department")}
        placeholder={t("themes.filter.any")}
        options={props.departments}
        defaultValue={item.departmentId ?? ""}
      />
      <TextField name={name("partnerOwner")} label={t("agreements.item.partnerOwner")} defaultValue={item.partnerOwner} />
      {props.children}
    </fieldset>
  );
}
