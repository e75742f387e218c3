import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';

/** A password or secret input with a show/hide toggle. The value lives in the input's property, never an attribute. */
export function PasswordInput({
  id,
  value,
  onInput,
  autoComplete = 'off',
  describedBy,
  invalid,
  required,
  autoFocus,
}: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete?: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  autoFocus?: boolean;
}) {
  const [shown, setShown] = useState(false);
  return (
    <span class="password">
      <input
        id={id}
        // Preact's types pair each input type with its own attributes; text and password accept the same ones.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={(shown ? 'text' : 'password') as 'text'}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        autoComplete={autoComplete}
        spellcheck={false}
        autoCapitalize="off"
        aria-describedby={describedBy}
        aria-invalid={invalid ? 'true' : undefined}
        required={required}
        autoFocus={autoFocus}
      />
      <button
        type="button"
        class="button button--small"
        aria-pressed={shown}
        aria-controls={id}
        onClick={() => setShown(!shown)}
      >
        {t('popupShow')}
      </button>
    </span>
  );
}
