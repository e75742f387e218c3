/** Dates, ages and downloads for the views: plain functions, no secrets pass through here. */
import { t } from '../shared/i18n';

const DAY = 86_400_000;

export function formatDate(ms: number | null): string {
  return ms === null ? t('popupUnknown') : new Date(ms).toLocaleDateString();
}

export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString();
}

/** "120 days" from a creation date, or "unknown". */
export function formatAge(createdAt: number | null, now = Date.now()): string {
  if (createdAt === null) return t('popupUnknown');
  const days = Math.max(0, Math.floor((now - createdAt) / DAY));
  return t('popupAgeDays', String(days));
}

/** Epoch ms of local midnight for a `<input type=date>` value, or null when empty or invalid. */
export function fromDateInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const ms = new Date(y, m - 1, d).getTime();
  return Number.isFinite(ms) ? ms : null;
}

export function toDateInput(ms: number | null): string {
  if (ms === null) return '';
  const date = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Saves text as a file through an object URL and a temporary a[download]. */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
