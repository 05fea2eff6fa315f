import { Fragment, type ReactNode } from "react";
import type { Route } from "./+types/developers-api";
import { useT } from "~/ui/i18n";
import { DataTable, Notice, PageHeader, Section } from "~/ui/layout";
import { runtimeOf } from "~/server/context.server";
import { openApiDocument } from "~/server/openapi/document.server";
import { apiReference, type BodyView, type FieldRow, type OperationView, type TypeLabel } from "~/server/openapi/reference.server";

/** Public: the API reference, rendered by the app from the OpenAPI document (no outside script). */
export async function loader(args: Route.LoaderArgs) {
  const { config } = runtimeOf(args.context);
  return apiReference(openApiDocument({ version: config.version, baseUrl: config.baseUrl }));
}

const methodColors: Record<string, string> = {
  GET: "bg-blue-100 text-blue-1000",
  POST: "bg-green-100 text-green-1000",
  PUT: "bg-yellow-100 text-yellow-1000",
  PATCH: "bg-yellow-100 text-yellow-1000",
  DELETE: "bg-red-100 text-red-1000",
};

function TypeText({ type }: { type: TypeLabel | null }) {
  if (!type) return null;
  return type.ref ? (
    <a href={`#schema-${type.ref}`} className="text-blue-1000 underline">
      <code>{type.text}</code>
    </a>
  ) : (
    <code>{type.text}</code>
  );
}

/** A field's description and, for enumerations, its allowed values. */
function Description({ text, values }: { text?: string; values?: string[] }) {
  const t = useT();
  return (
    <>
      {text}
      {values?.length ? (
        <span className="block text-dns-14N-130 text-solid-gray-700">
          {t("developers.api.values")}:{" "}
          {values.map((v) => (
            <Fragment key={v}>
              <code>{v}</code>{" "}
            </Fragment>
          ))}
        </span>
      ) : null}
    </>
  );
}

function Required({ required }: { required: boolean }) {
  const t = useT();
  return required ? <span className="whitespace-nowrap">{t("developers.api.required")}</span> : null;
}

/** Fields as table rows; nested objects follow their field, indented with a dotted path. */
function fieldRows(fields: FieldRow[], prefix = ""): ReactNode[][] {
  return fields.flatMap((f) => [
    [
      <code key="n">{prefix + f.name}</code>,
      <TypeText key="t" type={f.type} />,
      <Required key="r" required={f.required} />,
      <Description key="d" text={f.description} values={f.values} />,
    ],
    ...fieldRows(f.fields ?? [], `${prefix}${f.name}.`),
  ]);
}

function Fields({ caption, fields }: { caption: string; fields: FieldRow[] }) {
  const t = useT();
  if (fields.length === 0) return null;
  return (
    <DataTable
      caption={caption}
      head={[t("developers.api.name"), t("developers.api.type"), t("developers.api.required"), t("developers.api.description")]}
      rows={fieldRows(fields)}
    />
  );
}

function Bodies({ caption, bodies }: { caption: string; bodies: BodyView[] }) {
  return (
    <>
      {bodies.map((b) => (
        <div key={b.mediaType} className="flex flex-col gap-2">
          <p className="text-dns-14N-130">
            <code>{b.mediaType}</code> <TypeText type={b.type} />
          </p>
          <Fields caption={`${caption} (${b.mediaType})`} fields={b.fields} />
        </div>
      ))}
    </>
  );
}

function Operation({ op }: { op: OperationView }) {
  const t = useT();
  return (
    <article id={op.id} className="flex flex-col gap-3 rounded-8 border border-solid-gray-200 p-4">
      <h3 className="flex flex-wrap items-center gap-3 text-std-20B-150">
        <span className={`rounded-4 px-2 py-1 text-dns-14B-130 ${methodColors[op.method] ?? ""}`}>{op.method}</span>
        <code className="break-all">{op.path}</code>
      </h3>
      <p className="text-std-16B-170">{op.summary}</p>
      <p className="text-std-16N-170">{op.description}</p>
      <p className="text-dns-14N-130 text-solid-gray-700">{t(`developers.api.access.${op.access}`)}</p>
      {op.parameters.length > 0 ? (
        <>
          <h4 className="text-std-16B-170">{t("developers.api.parameters")}</h4>
          <DataTable
            caption={`${op.method} ${op.path} ${t("developers.api.parameters")}`}
            head={[
              t("developers.api.name"),
              t("developers.api.in"),
              t("developers.api.type"),
              t("developers.api.required"),
              t("developers.api.description"),
            ]}
            rows={op.parameters.map((p) => [
              <code key="n">{p.name}</code>,
              p.in,
              <TypeText key="t" type={p.type} />,
              <Required key="r" required={p.required} />,
              <Description key="d" text={p.description} values={p.values} />,
            ])}
          />
        </>
      ) : null}
      {op.requestBody ? (
        <>
          <h4 className="text-std-16B-170">{t("developers.api.requestBody")}</h4>
          <Bodies caption={`${op.method} ${op.path} ${t("developers.api.requestBody")}`} bodies={op.requestBody.bodies} />
        </>
      ) : null}
      <h4 className="text-std-16B-170">{t("developers.api.responses")}</h4>
      <dl className="flex flex-col gap-3">
        {op.responses.map((r) => (
          <div key={r.status} className="flex flex-col gap-2">
            <dt>
              <code className="text-std-16B-170">{r.status === "default" ? t("developers.api.otherStatus") : r.status}</code>
            </dt>
            <dd className="flex flex-col gap-2 pl-4">
              <span>{r.description}</span>
              <Bodies caption={`${op.method} ${op.path} ${r.status}`} bodies={r.bodies} />
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

export default function ApiReferencePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { tags, schemas, version } = loaderData;
  return (
    <>
      <PageHeader title={t("developers.api.title")} crumbs={[{ label: t("developers.api.title") }]} lead={t("developers.api.lead")} />
      <Notice>
        <p>{t("developers.api.auth")}</p>
        <p className="mt-2">{t("developers.api.problems")}</p>
        <p className="mt-2">
          <a href="/api/v1/openapi.json" className="text-blue-1000 underline">
            {t("developers.api.download")}
          </a>{" "}
          <span className="text-solid-gray-700">({t("developers.api.version", { version })})</span>
        </p>
      </Notice>
      <nav aria-label={t("developers.api.contents")} className="mb-10">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#tag-${tag.name}`} className="text-blue-1000 underline">
                {t(`developers.api.tag.${tag.name}`)}
              </a>
            </li>
          ))}
          <li>
            <a href="#schemas" className="text-blue-1000 underline">
              {t("developers.api.schemas")}
            </a>
          </li>
        </ul>
      </nav>
      {tags.map((tag) => (
        <div key={tag.name} id={`tag-${tag.name}`}>
          <Section title={t(`developers.api.tag.${tag.name}`)}>
            <p className="text-std-16N-170 text-solid-gray-800">{tag.description}</p>
            {tag.operations.map((op) => (
              <Operation key={op.id} op={op} />
            ))}
          </Section>
        </div>
      ))}
      <div id="schemas">
        <Section title={t("developers.api.schemas")}>
          {schemas.map((s) => (
            <article key={s.name} id={`schema-${s.name}`} className="flex flex-col gap-2">
              <h3 className="text-std-20B-150">
                <code>{s.name}</code>
              </h3>
              {s.description ? <p className="text-std-16N-170">{s.description}</p> : null}
              {s.fields.length ? (
                <Fields caption={s.name} fields={s.fields} />
              ) : (
                <p>
                  <TypeText type={s.type} />
                </p>
              )}
            </article>
          ))}
        </Section>
      </div>
    </>
  );
}
