/**
 * The readable reference (/api/v1) as plain data read from the generated OpenAPI document, so
 * the page describes exactly what the document does: each endpoint's parameters and answer,
 * and each named schema's fields with their types.
 */
import { openApiDocument } from "./openapi.server";

/** A JSON Schema, as much of it as the reference reads. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  description?: string;
}

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);

/** A schema in a few words: "integer 1–100", "Figure[]", ""official" | "verified"", "string | null". */
export function describeSchema(schema: Schema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(describeSchema).join(" | ");
  if (schema.allOf) return schema.allOf.map(describeSchema).join(" & ");
  if (schema.type === "array") return `${schema.items ? describeSchema(schema.items) : "unknown"}[]`;
  const types = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "unknown");
  const range = schema.minimum !== undefined || schema.maximum !== undefined ? ` ${schema.minimum ?? ""}–${schema.maximum ?? ""}` : "";
  const pattern = schema.pattern ? ` /${schema.pattern}/` : "";
  return `${types}${range}${pattern}`;
}

function fieldsOf(schema: Schema) {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: describeSchema(property),
    required: schema.required?.includes(name) ?? false,
    description: property.description ?? null,
  }));
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export function apiReference() {
  const document = openApiDocument();
  const paths = (document.paths ?? {}) as Record<string, { get?: Operation }>;
  const endpoints = Object.entries(paths).flatMap(([path, item]) => {
    const operation = item.get;
    if (!operation) return [];
    const answer = operation.responses["200"]?.content?.["application/json"]?.schema;
    return [
      {
        id: operation.operationId ?? path,
        path: `${document.servers?.[0]?.url ?? ""}${path}`,
        summary: operation.summary ?? "",
        description: operation.description ?? "",
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required ?? false,
          type: parameter.schema ? describeSchema(parameter.schema) : "",
          description: parameter.description ?? parameter.schema?.description ?? null,
        })),
        answer: answer ? describeSchema(answer) : "",
      },
    ];
  });
  const schemas = Object.entries((document.components?.schemas ?? {}) as Record<string, Schema>).map(([name, schema]) => ({
    name,
    description: schema.description ?? null,
    type: schema.properties ? null : describeSchema(schema),
    fields: fieldsOf(schema.allOf ? Object.assign({}, ...schema.allOf) : schema),
  }));
  return { version: document.info.version, endpoints, schemas };
}
