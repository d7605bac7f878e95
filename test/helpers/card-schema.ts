/**
 * Validates Adaptive Cards against the official 1.5 schema in schemas/ (Ajv, draft-06).
 * The schema's `id` is moved to `$id` in memory, as Ajv 8 requires; the file is untouched.
 */
import { readFileSync } from 'node:fs';
import { sharedFolder } from '../../scripts/shared-folder.js';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

const SCHEMA_FILE = sharedFolder('schemas', 'adaptive-card-1.5.schema.json');

let validator: (((card: unknown) => boolean) & { errors?: ErrorObject[] | null }) | undefined;

function compile(): NonNullable<typeof validator> {
  const { id, ...rest } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { id: string } & Record<string, unknown>;
  const ajv = new Ajv({ strict: false });
  ajv.addMetaSchema(draft06);
  const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
  addFormats(ajv);
  return ajv.compile({ $id: id, ...rest });
}

/** Problems with the card, or [] when it is valid Adaptive Card 1.5. */
export function cardSchemaErrors(card: unknown): string[] {
  validator ??= compile();
  if (validator(card)) return [];
  return (validator.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
