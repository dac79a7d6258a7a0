// The category editor's model: what the admin types (all text, so a refused save keeps it
// exactly), the PUT body built from it, and the server's field errors mapped onto the form.
// Formats are checked by the server (src/reports/category.cpp ValidateCategory); the form only
// asks for what is required. Pure.
import type { ApiError } from '../api';
import type { Category } from '../api-types';
import type { AttributeInput, CategoryBody } from './api';

export const DATATYPES = ['singlevaluelist', 'multivaluelist', 'string', 'text', 'number', 'datetime'] as const;

export interface AttributeDraft {
  /** Stable key for rendering; not sent. */
  key: number;
  code: string;
  datatype: string;
  required: boolean;
  description: string;
  /** List answers, one "key=Name" per line. */
  values: string;
}

export interface CategoryDraft {
  code: string;
  name_id: string;
  name_en: string;
  group: string;
  description: string;
  keywords: string;
  default_opd_id: string;
  sla_response_hours: string;
  sla_resolve_days: string;
  active: boolean;
  attributes: AttributeDraft[];
}

let nextKey = 1;
export function newAttribute(): AttributeDraft {
  return { key: nextKey++, code: '', datatype: 'singlevaluelist', required: false, description: '', values: '' };
}

export function emptyDraft(): CategoryDraft {
  return {
    code: '',
    name_id: '',
    name_en: '',
    group: '',
    description: '',
    keywords: '',
    default_opd_id: '',
    sla_response_hours: '24',
    sla_resolve_days: '7',
    active: true,
    attributes: [],
  };
}

export function isList(datatype: string): boolean {
  return datatype === 'singlevaluelist' || datatype === 'multivaluelist';
}

/** "key=Name" lines to Open311 values; a line without "=" is both key and name. */
export function parseValues(text: string): Array<{ key: string; name: string }> {
  const out: Array<{ key: string; name: string }> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    const name = (eq < 0 ? line : line.slice(eq + 1)).trim() || key;
    out.push({ key, name });
  }
  return out;
}

export function formatValues(values: Array<{ key: string; name: string }>): string {
  return values.map((v) => (v.key === v.name ? v.key : `${v.key}=${v.name}`)).join('\n');
}

export function splitKeywords(text: string): string[] {
  return text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
}

export function draftFromCategory(c: Category): CategoryDraft {
  return {
    code: c.code,
    name_id: c.name_id,
    name_en: c.name_en,
    group: c.group,
    description: c.description,
    keywords: c.keywords.join(', '),
    default_opd_id: c.default_opd_id ? String(c.default_opd_id) : '',
    sla_response_hours: String(c.sla.response_hours),
    sla_resolve_days: String(c.sla.resolve_days),
    active: c.active,
    attributes: [...c.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        key: nextKey++,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        description: a.description,
        values: formatValues(a.values),
      })),
  };
}

/** Whole numbers as numbers; anything else is sent as typed so the server names the problem. */
function integer(text: string): number {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : (t as unknown as number);
}

export function bodyFromDraft(d: CategoryDraft): CategoryBody {
  const attributes: AttributeInput[] = d.attributes.map((a, i) => ({
    code: a.code.trim(),
    datatype: a.datatype,
    variable: true,
    required: a.required,
    order: i + 1,
    description: a.description.trim(),
    values: isList(a.datatype) ? parseValues(a.values) : [],
  }));
  return {
    name_id: d.name_id.trim(),
    name_en: d.name_en.trim(),
    group: d.group.trim(),
    description: d.description.trim(),
    keywords: splitKeywords(d.keywords),
    default_opd_id: d.default_opd_id ? Number(d.default_opd_id) : null,
    sla_response_hours: integer(d.sla_response_hours),
    sla_resolve_days: integer(d.sla_resolve_days),
    attributes,
    active: d.active,
  };
}

/** Required fields left empty, keyed like the server's fields. */
export function missingFields(d: CategoryDraft, creating: boolean, message: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (creating && !d.code.trim()) out['code'] = message;
  for (const k of ['name_id', 'name_en', 'group', 'sla_response_hours', 'sla_resolve_days'] as const) {
    if (!d[k].trim()) out[k] = message;
  }
  d.attributes.forEach((a, i) => {
    if (!a.code.trim()) out[`attributes#${i}`] = message;
  });
  return out;
}

// Server fields that name a part of the form under another name.
const ALIASES: Record<string, string> = { name: 'name_id', sla: 'sla_response_hours' };
const FORM_FIELDS = new Set([
  'code',
  'name_id',
  'name_en',
  'group',
  'description',
  'keywords',
  'default_opd_id',
  'sla_response_hours',
  'sla_resolve_days',
  'attributes',
  'active',
]);

/**
 * The server's details split into messages the form shows beside a field (keyed by field, and
 * "attributes#<index>" for a question whose code the message names) and the rest.
 */
export function mapCategoryErrors(
  error: ApiError | null,
  attributes: AttributeDraft[],
): { fields: Record<string, string>; rest: Array<{ field: string; message: string }> } {
  const fields: Record<string, string> = {};
  const rest: Array<{ field: string; message: string }> = [];
  for (const d of error?.details ?? []) {
    let key = ALIASES[d.field] ?? d.field;
    if (key.startsWith('attributes.')) {
      const code = key.slice('attributes.'.length);
      const i = attributes.findIndex((a) => a.code.trim() === code);
      key = i >= 0 ? `attributes#${i}` : 'attributes';
    }
    if (FORM_FIELDS.has(key) || key.startsWith('attributes#')) {
      fields[key] = fields[key] ? `${fields[key]}; ${d.message}` : d.message;
    } else {
      rest.push(d);
    }
  }
  return { fields, rest };
}
