import { t } from '../../shared/i18n';
import type { ExchangeId } from '../../exchanges/types';
import { permissionViews } from '../kb';

/** A key's permissions with the exchange's own names; dangerous ones marked in text, not colour alone. */
export function Permissions({ exchange, ids }: { exchange: ExchangeId; ids: readonly string[] }) {
  if (ids.length === 0) return <span class="muted">{t('popupPermissionsNone')}</span>;
  return (
    <ul class="chips">
      {permissionViews(exchange, ids).map((p) => (
        <li key={p.id} class={p.dangerous ? 'chip chip--danger' : 'chip'}>
          {p.dangerous && <span aria-hidden="true">⚠ </span>}
          {p.label}
          {p.dangerous && <span class="visually-hidden"> {t('popupDangerous')}</span>}
        </li>
      ))}
    </ul>
  );
}
