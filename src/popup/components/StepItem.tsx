import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Step } from '../../incident/types';
import { t } from '../../shared/i18n';
import { formatDateTime } from '../format';

/** One checklist step: a checkbox with the step's title, its details and the exchange's pages. */
export function StepItem({
  id,
  step,
  done,
  doneAt,
  busy,
  onToggle,
  children,
}: {
  id: string;
  step: Step;
  done: boolean;
  doneAt: number | null;
  busy: boolean;
  /** Settles when the background answered; the box shows the new state until then. */
  onToggle: (done: boolean) => Promise<unknown>;
  children?: ComponentChildren;
}) {
  const [pending, setPending] = useState<boolean | null>(null);
  const subs = [...step.substitutions];
  const boxId = `step-${id}`;
  return (
    <li
      class={step.urgent ? 'step step--urgent' : 'step'}
      data-done={pending ?? done}
      data-testid={`step-${id}`}
    >
      <div class="step__head">
        <input
          id={boxId}
          type="checkbox"
          checked={pending ?? done}
          disabled={busy}
          aria-describedby={`${boxId}-details`}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setPending(next);
            void onToggle(next).finally(() => setPending(null));
          }}
        />
        <label for={boxId}>
          {step.urgent && <span class="chip chip--danger">{t('popupUrgent')}</span>} {t(step.titleKey, subs)}
        </label>
      </div>
      <div id={`${boxId}-details`} class="step__details">
        {children}
        {step.detailKeys.map((key) => (
          <p key={key}>{t(key, subs)}</p>
        ))}
        {step.links.length > 0 && (
          <ul class="links">
            {step.links.map((link) => (
              <li key={link.url + link.labelKey}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {t(link.labelKey, [...link.labelSubstitutions])}
                </a>
                {link.reported && <span class="chip">{t('popupReported')}</span>}
              </li>
            ))}
          </ul>
        )}
        {doneAt !== null && <p class="muted">{t('popupStepDoneAt', formatDateTime(doneAt))}</p>}
      </div>
    </li>
  );
}
