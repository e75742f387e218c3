import * as v from 'valibot';
import { EXCHANGE_IDS } from '../../exchanges/types';
import { INCIDENT_SOURCES } from '../../incident/types';
import { CredentialIdSchema } from '../../vault/model';
import type { IncidentService } from '../incident-service';
import { PAGES_ONLY, type RouteSpec } from '../router';

const ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const STEP_ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9:_-]{1,128}$/));

type IncidentRoutes = {
  [
    K in
      | 'incident.open'
      | 'incident.list'
      | 'incident.get'
      | 'incident.setStep'
      | 'incident.finish'
      | 'incident.linkReplacement'
      | 'incident.setNote'
      | 'incident.report'
      | 'incident.revokeAll'
      | 'incident.revokeAllGet'
      | 'incident.revokeAllSetStep'
  ]: RouteSpec<K>;
};

export function incidentRoutes(incidents: IncidentService): IncidentRoutes {
  return {
    'incident.open': {
      from: PAGES_ONLY,
      payload: v.strictObject({ credentialId: CredentialIdSchema, source: v.picklist(INCIDENT_SOURCES) }),
      handle: ({ credentialId, source }) => incidents.open(credentialId, source),
    },
    'incident.list': { from: PAGES_ONLY, payload: v.strictObject({}), handle: () => incidents.list() },
    'incident.get': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: ID }),
      handle: ({ id }) => incidents.get(id),
    },
    'incident.setStep': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: ID, stepId: STEP_ID, done: v.boolean() }),
      handle: ({ id, stepId, done }) => incidents.setStep(id, stepId, done),
    },
    'incident.finish': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: ID }),
      handle: ({ id }) => incidents.finish(id),
    },
    'incident.linkReplacement': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: ID, replacementId: CredentialIdSchema }),
      handle: ({ id, replacementId }) => incidents.linkReplacement(id, replacementId),
    },
    'incident.setNote': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: ID, note: v.pipe(v.string(), v.maxLength(10_000)) }),
      handle: ({ id, note }) => incidents.setNote(id, note),
    },
    'incident.report': {
      from: PAGES_ONLY,
      payload: v.strictObject({ id: ID, format: v.picklist(['markdown', 'json']) }),
      handle: ({ id, format }) => incidents.report(id, format),
    },
    'incident.revokeAll': {
      from: PAGES_ONLY,
      payload: v.strictObject({ scope: v.union([v.literal('all'), v.picklist(EXCHANGE_IDS)]) }),
      handle: ({ scope }) => incidents.revokeAll(scope),
    },
    'incident.revokeAllGet': {
      from: PAGES_ONLY,
      payload: v.strictObject({ sessionId: ID }),
      handle: ({ sessionId }) => incidents.revokeAllGet(sessionId),
    },
    'incident.revokeAllSetStep': {
      from: PAGES_ONLY,
      payload: v.strictObject({ sessionId: ID, stepId: STEP_ID, done: v.boolean() }),
      handle: ({ sessionId, stepId, done }) => incidents.revokeAllSetStep(sessionId, stepId, done),
    },
  };
}
