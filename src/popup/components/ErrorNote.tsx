import { errorText } from '../api';

/** An async failure, announced as an alert. */
export function ErrorNote({ error }: { error: unknown }) {
  return (
    <p class="note note--error" role="alert">
      {errorText(error)}
    </p>
  );
}
