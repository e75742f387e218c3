import { t } from '../../shared/i18n';
import type { StrengthEstimate, StrengthWarningCode } from '../../vault/strength';

const LEVEL_KEYS = [
  'popupStrength0',
  'popupStrength1',
  'popupStrength2',
  'popupStrength3',
  'popupStrength4',
] as const;

const WARNING_KEYS: Record<StrengthWarningCode, string> = {
  empty: 'popupStrengthEmpty',
  'too-short': 'popupStrengthTooShort',
  'common-password': 'popupStrengthCommon',
  repeated: 'popupStrengthRepeated',
  sequence: 'popupStrengthSequence',
  year: 'popupStrengthYear',
  'few-words': 'popupStrengthFewWords',
  'one-character-class': 'popupStrengthOneClass',
};

/** The strength of a new passphrase: a meter, the level in words and the estimator's warnings. */
export function StrengthMeter({ id, estimate }: { id: string; estimate: StrengthEstimate }) {
  return (
    <div id={id} class="strength" data-score={estimate.score}>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={estimate.score} aria-hidden="true" />
      <p aria-live="polite">
        {t('popupStrengthLabel', t(LEVEL_KEYS[estimate.score]))}
        {estimate.warnings.map((w) => (
          <span key={w.code} class="strength__warning">
            {' '}
            {t(WARNING_KEYS[w.code])}
          </span>
        ))}
      </p>
    </div>
  );
}
