export { detect, type DetectOptions } from './detect';
export { previewOf } from './preview';
export { compileRules } from './rules';
export {
  findKnownValues,
  hashKnownForm,
  knownValueForms,
  type KnownHash,
  type KnownMatch,
  type KnownValueIndex,
} from './known-values';
export type { Confidence, DetectorRules, Finding, RuleExchange, RuleShape } from './types';
