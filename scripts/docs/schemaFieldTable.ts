/**
 * A file format's field table for the docs, read from its one declaration: every field with its
 * JSON path, what it takes, its default (or "required"), and its `description`. An object field
 * with a description of its own is one row; one without is opened into its fields.
 */
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

const code = (value: unknown) => `\`${JSON.stringify(value)}\``;

function range(s: JsonSchema): string {
  const low = s.minimum ?? s.exclusiveMinimum;
  if (low === undefined && s.maximum === undefined) return '';
  const lowText = low === undefined ? '' : `${s.exclusiveMinimum !== undefined ? '>' : '≥'} ${low}`;
  const highText = s.maximum === undefined ? '' : `≤ ${s.maximum}`;
  return ` ${[lowText, highText].filter(Boolean).join(', ')}`;
}

/** What a field takes, in a few words. */
export function describeType(s: JsonSchema): string {
  if (s.const !== undefined) return code(s.const);
  if (s.enum) return s.enum.map(code).join(' \\| ');
  if (s.anyOf) return s.anyOf.map(describeType).join(' or ');
  const type = Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  if (type === 'array') {
    const count = s.minItems !== undefined && s.minItems === s.maxItems ? `${s.minItems} × ` : 'list of ';
    return `${count}${s.items ? describeType(s.items) : 'anything'}`;
  }
  if (type === 'object') {
    if (s.properties) return `{ ${Object.keys(s.properties).join(', ')} }`;
    const values = s.patternProperties ? Object.values(s.patternProperties)[0] : s.additionalProperties;
    if (typeof values === 'object') return `{ name: ${describeType(values)} }`;
    return 'object';
  }
  if (type === 'string' && s.pattern) return `string matching \`${s.pattern}\``;
  if (type === undefined) return 'any';
  return `${type}${range(s)}`;
}

function rows(schema: JsonSchema, prefix: string): string[] {
  const required = new Set(schema.required ?? []);
  const out: string[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (name === '$schema') continue;
    const path = `${prefix}${name}`;
    const inner = field.type === 'array' && field.items?.properties && !field.description ? field.items : field;
    if (inner.properties && !field.description) {
      out.push(...rows(inner, `${path}${inner === field ? '' : '[]'}.`));
      continue;
    }
    const fallback = required.has(name) ? 'required' : field.default !== undefined ? code(field.default) : '—';
    out.push(`| \`${path}\` | ${describeType(field)} | ${fallback} | ${field.description ?? ''} |`);
  }
  return out;
}

/** The markdown table of `schema`'s fields. */
export function formatSchemaFieldTable(schema: object): string {
  return ['| field | takes | default | meaning |', '|---|---|---|---|', ...rows(schema as JsonSchema, '')].join('\n');
}
