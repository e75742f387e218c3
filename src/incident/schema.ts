/**
 * Valibot schemas for incidents read back from storage: a damaged or older record is reported, not trusted.
 */
import * as v from 'valibot';
import { EXCHANGE_IDS } from '../exchanges/types';
import { INCIDENT_SOURCES, STEP_KINDS, type Incident } from './types';
import type { RevokeAllSession } from './revoke-all';
import { NOTE_MAX_CHARS } from './transitions';

const ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const DATE = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000_000));
const KEY = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_@]{1,100}$/));
const TEXT = v.pipe(v.string(), v.maxLength(10_000));
const HTTPS = v.pipe(v.string(), v.maxLength(2_048), v.startsWith('https://'));

const StepLinkSchema = v.strictObject({
  labelKey: KEY,
  labelSubstitutions: v.pipe(v.array(TEXT), v.maxLength(9)),
  url: HTTPS,
  reported: v.boolean(),
});

const StepSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z-]+(?:-\d{1,4})?$/)),
  kind: v.picklist(STEP_KINDS),
  urgent: v.boolean(),
  titleKey: KEY,
  detailKeys: v.pipe(v.array(KEY), v.maxLength(30)),
  substitutions: v.pipe(v.array(TEXT), v.maxLength(9)),
  links: v.pipe(v.array(StepLinkSchema), v.maxLength(20)),
  doneAt: v.nullable(DATE),
});

export const IncidentSchema = v.strictObject({
  id: ID,
  credentialId: ID,
  exchange: v.picklist(EXCHANGE_IDS),
  label: v.pipe(v.string(), v.maxLength(200)),
  apiKeyHint: v.nullable(v.pipe(v.string(), v.maxLength(16))),
  openedAt: DATE,
  source: v.picklist(INCIDENT_SOURCES),
  steps: v.pipe(v.array(StepSchema), v.minLength(1), v.maxLength(300)),
  finishedAt: v.nullable(DATE),
  replacementId: v.nullable(ID),
  note: v.optional(v.pipe(v.string(), v.maxLength(NOTE_MAX_CHARS))),
});

export const RevokeAllSessionSchema = v.strictObject({
  id: ID,
  scope: v.picklist([...EXCHANGE_IDS, 'all'] as const),
  openedAt: DATE,
  incidentIds: v.pipe(v.array(ID), v.maxLength(10_000)),
});

export class IncidentRecordError extends Error {
  constructor(readonly issues: readonly string[]) {
    super('A stored incident record is damaged.');
    this.name = 'IncidentRecordError';
  }
}

function parse<T>(schema: v.GenericSchema<unknown, T>, input: unknown): T {
  const result = v.safeParse(schema, input);
  // Paths and expectations only, never the received values.
  if (!result.success) {
    throw new IncidentRecordError(
      result.issues
        .slice(0, 20)
        .map((i) => `${v.getDotPath(i) ?? '(root)'}: expected ${i.expected ?? i.type}`),
    );
  }
  return result.output;
}

export function parseIncident(input: unknown): Incident {
  return parse(IncidentSchema, input);
}

export function parseSession(input: unknown): RevokeAllSession {
  return parse(RevokeAllSessionSchema, input);
}
