import { t } from '../../shared/i18n';
import type { IpAllowlist } from '../../vault/model';

export function ipText(ip: IpAllowlist): string {
  switch (ip.state) {
    case 'list':
      return t('popupIpList', String(ip.entries.length));
    case 'none':
      return t('popupIpNone');
    case 'unknown':
      return t('popupIpUnknown');
  }
}

export function IpState({ ip }: { ip: IpAllowlist }) {
  return (
    <span class="ip" data-state={ip.state}>
      {ipText(ip)}
    </span>
  );
}
