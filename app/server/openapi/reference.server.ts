// What the API reference page (/developers/api) shows, read from the OpenAPI
// document: operations grouped by tag, their parameters, bodies and answers,
// and the named schemas as field tables. Plain data, so the page is plain
// React with no script of its own.
import type { oas31 } from "zod-openapi";
import { apiTags, type Access, type ApiTag } from "~/lib/openapi/operation";
import { HTTP_METHODS, type OpenApiDocument } from "./document.server";

type Schema = oas31.SchemaObject | oas31.ReferenceObject;

/** A type as the page prints it; `ref` names a schema of the Schemas section to link to. */
export interface TypeLabel {
  text: string;
  ref?: string;
}

export interface FieldRow {
  name: string;
  type: TypeLabel;
  required: boolean;
  description?: string;
  /** Allowed values. */
  values?: string[];
  /** Fields of an inline object (or of the items of an inline array). */
  fields?: FieldRow[];
}

export interface BodyView {
  mediaType: string;
  type: TypeLabel | null;
  fields: FieldRow[];
}

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  type: TypeLabel;
  description?: string;
  values?: string[];
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  access: Access;
  parameters: ParameterView[];
  requestBody: { required: boolean; bodies: BodyView[] } | null;
  responses: { status: string; description: string; bodies: BodyView[] }[];
}

export interface ApiReference {
  title: string;
  version: string;
  tags: { name: ApiTag; description: string; operations: OperationView[] }[];
  schemas: { name: string; description?: string; type: TypeLabel; fields: FieldRow[] }[];
}

const isRef = (value: unknown): value is oas31.ReferenceObject => typeof value === "object" && value !== null && "$ref" in value;
const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);

function resolve<T>(doc: OpenApiDocument, value: T | oas31.ReferenceObject): T {
  if (!isRef(value)) return value;
  const [, , kind, name] = value.$ref.split("/");
  return (doc.components as Record<string, Record<string, T>>)[kind!]![name!]!;
}

/** The non-null alternatives of a schema ("string | null" → string, nullable). */
function alternatives(schema: oas31.SchemaObject): { options: Schema[]; nullable: boolean } {
  const list = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (list) {
    const options = list.filter((s) => isRef(s) || (s as oas31.SchemaObject).type !== "null");
    return { options, nullable: options.length < list.length };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== "null");
    return { options: types.map((type) => ({ ...schema, type })), nullable: types.length < schema.type.length };
  }
  return { options: [schema], nullable: false };
}

export function typeLabel(schema: Schema | undefined): TypeLabel {
  if (!schema) return { text: "any" };
  if (isRef(schema)) return { text: refName(schema.$ref), ref: refName(schema.$ref) };
  const { options, nullable } = alternatives(schema);
  const nullText = nullable ? " | null" : "";
  if (options.length !== 1) return { text: `${options.map((o) => typeLabel(o).text).join(" | ") || "any"}${nullText}` };
  const one = options[0]!;
  if (isRef(one)) return { text: `${refName(one.$ref)}${nullText}`, ref: refName(one.$ref) };
  if (one.type === "array") {
    const item = typeLabel(one.items as Schema | undefined);
    return { text: `${item.text}[]${nullText}`, ref: item.ref };
  }
  if (one.type === "object" && !one.properties && (one.additionalProperties || one.propertyNames)) {
    return { text: `map<string, ${typeLabel(one.additionalProperties as Schema | undefined).text}>${nullText}` };
  }
  const format = one.format ? ` (${one.format})` : "";
  const type = one.const !== undefined ? JSON.stringify(one.const) : ((one.type as string | undefined) ?? "any");
  return { text: `${type}${format}${nullText}` };
}

function valuesOf(schema: Schema | undefined): string[] | undefined {
  if (!schema || isRef(schema)) return undefined;
  for (const option of alternatives(schema).options) {
    if (isRef(option)) continue;
    const source = option.type === "array" && option.items && !isRef(option.items) ? option.items : option;
    if (source.enum) return source.enum.map(String);
  }
  return undefined;
}

/** The object an inline schema describes (directly, or as its array's items), to list its fields. */
function inlineObject(schema: Schema | undefined): oas31.SchemaObject | null {
  if (!schema || isRef(schema)) return null;
  for (const option of alternatives(schema).options) {
    if (isRef(option)) continue;
    if (option.properties) return option;
    if (option.type === "array" && option.items && !isRef(option.items) && option.items.properties) return option.items;
  }
  return null;
}

export function fieldsOf(schema: Schema | undefined, depth = 0): FieldRow[] {
  const object = inlineObject(schema);
  if (!object || depth > 4) return [];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const nested = fieldsOf(property, depth + 1);
    const description = isRef(property) ? undefined : property.description;
    return {
      name,
      type: typeLabel(property),
      required: required.has(name),
      description,
      values: valuesOf(property),
      fields: nested.length ? nested : undefined,
    };
  });
}

function bodiesOf(content: oas31.ContentObject | undefined): BodyView[] {
  return Object.entries(content ?? {}).map(([mediaType, media]) => ({
    mediaType,
    type: media.schema ? typeLabel(media.schema) : null,
    fields: media.schema && !isRef(media.schema) ? fieldsOf(media.schema) : [],
  }));
}

function accessOf(op: oas31.OperationObject): Access {
  const security = op.security ?? [];
  if (security.length === 0) return "public";
  return security.some((s) => Object.keys(s).length === 0) ? "optionalToken" : "token";
}

function operationView(doc: OpenApiDocument, method: string, path: string, op: oas31.OperationObject): OperationView {
  const parameters = (op.parameters ?? []).map((p) => resolve<oas31.ParameterObject>(doc, p));
  const body = op.requestBody ? resolve<oas31.RequestBodyObject>(doc, op.requestBody) : null;
  return {
    id: op.operationId ?? `${method}-${path}`,
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? "",
    description: op.description ?? "",
    access: accessOf(op),
    parameters: parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: Boolean(p.required),
      type: typeLabel(p.schema),
      description: p.description ?? (p.schema && !isRef(p.schema) ? p.schema.description : undefined),
      values: valuesOf(p.schema),
    })),
    requestBody: body ? { required: Boolean(body.required), bodies: bodiesOf(body.content) } : null,
    responses: Object.entries(op.responses ?? {}).map(([status, r]) => {
      const response = resolve<oas31.ResponseObject>(doc, r as oas31.ResponseObject | oas31.ReferenceObject);
      return { status, description: response.description, bodies: bodiesOf(response.content) };
    }),
  };
}

/** The page's model of the whole document. */
export function apiReference(doc: OpenApiDocument): ApiReference {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ tag: (op.tags?.[0] ?? "system") as ApiTag, view: operationView(doc, method, path, op) }] : [];
    }),
  );
  return {
    title: doc.info.title,
    version: doc.info.version,
    tags: apiTags.map((name) => ({
      name,
      description: doc.tags?.find((t) => t.name === name)?.description ?? "",
      operations: operations.filter((o) => o.tag === name).map((o) => o.view),
    })),
    schemas: Object.entries(doc.components?.schemas ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, schema]) => ({
        name,
        description: isRef(schema) ? undefined : schema.description,
        type: typeLabel(schema),
        fields: fieldsOf(schema),
      })),
  };
}
