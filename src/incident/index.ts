/**
 * Compromise response (issue 8), pure logic: open an incident for a key, its checklist from the knowledge base,
 * step transitions with timestamps, "Revoke everything" ordered by risk, and the secret-free report export.
 * The background stores incidents through an IncidentRepository and applies the returned VaultEffects.
 */
export { buildChecklist, safeHint } from './checklist';
export { english } from './english';
export { openIncident, type OpenOptions, type OpenResult } from './open';
export { replacementDraft, type ReplacementDraft } from './replacement';
export { createMemoryIncidentRepository, updateIncident, type IncidentRepository } from './repository';
export {
  combine,
  planRevokeAll,
  revokeAllTitle,
  setCombinedStep,
  type CombinedChecklist,
  type CombinedEntry,
  type CombinedStep,
  type RevokeAllPlan,
  type RevokeAllScope,
  type RevokeAllSession,
} from './revoke-all';
export { assessRisk, TIER_KEYS, type RiskAssessment, type RiskTier } from './risk';
export { SOURCE_KEYS, toJson, toMarkdown, toReport, type IncidentReport } from './report';
export { IncidentRecordError, parseIncident, parseSession } from './schema';
export {
  STATE_KEYS,
  findOpenIncident,
  finish,
  linkReplacement,
  progress,
  progressByCredential,
  setNote,
  tickStep,
  untickStep,
  type TransitionError,
  type TransitionResult,
} from './transitions';
export type * from './types';
