import { t } from '../shared/i18n';

/** A check id's short name for the finding filter ("no-ip-allowlist" → popupCheckNoIpAllowlist). */
export function checkLabel(checkId: string): string {
  const key = `popupCheck${checkId.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
  const text = t(key);
  return text === key ? checkId : text;
}
