/**
 * Incident report export, Markdown and JSON, in English. Built only from the incident, which holds no secret: the
 * label, exchange, masked api key hint (re-checked here), how it started, dates and step states. The user's free-text
 * note is left out, since it could hold anything.
 */
import { getExchange } from '../exchanges/index';
import { safeHint } from './checklist';
import { english } from './english';
import { progress } from './transitions';
import type { Incident, IncidentSource, Progress, StepKind } from './types';

/** How each way of opening an incident is named (inventory and report). */
export const SOURCE_KEYS: Readonly<Record<IncidentSource, string>> = {
  popup: 'incidentSourcePopup',
  'paste-warning': 'incidentSourcePasteWarning',
  'audit-finding': 'incidentSourceAuditFinding',
  'revoke-all': 'incidentSourceRevokeAll',
};

export interface ReportStep {
  readonly id: string;
  readonly kind: StepKind;
  readonly urgent: boolean;
  readonly title: string;
  readonly doneAt: string | null;
}

export interface IncidentReport {
  readonly format: 'keywarden-incident-report';
  readonly version: 1;
  readonly exchange: { readonly id: string; readonly name: string };
  readonly label: string;
  readonly apiKeyHint: string | null;
  readonly source: IncidentSource;
  readonly summary: string;
  readonly openedAt: string;
  readonly finishedAt: string | null;
  readonly replacementLinked: boolean;
  readonly progress: Omit<Progress, 'canFinish'>;
  readonly steps: readonly ReportStep[];
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** "2025-01-31 14:02 UTC": readable, and the same wherever the report is opened. */
function readable(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function toReport(incident: Incident): IncidentReport {
  const name = getExchange(incident.exchange).name;
  const { done, total, urgentDone, urgentTotal, state } = progress(incident);
  return {
    format: 'keywarden-incident-report',
    version: 1,
    exchange: { id: incident.exchange, name },
    label: incident.label,
    apiKeyHint: safeHint(incident.apiKeyHint),
    source: incident.source,
    summary: english('incidentReportWhatHappened', [
      readable(incident.openedAt),
      name,
      incident.label,
      english(SOURCE_KEYS[incident.source]),
    ]),
    openedAt: new Date(incident.openedAt).toISOString(),
    finishedAt: iso(incident.finishedAt),
    replacementLinked: incident.replacementId !== null,
    progress: { done, total, urgentDone, urgentTotal, state },
    steps: incident.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      urgent: s.urgent,
      title: english(s.titleKey, s.substitutions),
      doneAt: iso(s.doneAt),
    })),
  };
}

export function toJson(incident: Incident): string {
  return `${JSON.stringify(toReport(incident), null, 2)}\n`;
}

/** User text as inert Markdown: one line, no emphasis, links, HTML or table breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#!]/g, (c) => `\\${c}`);
}

export function toMarkdown(incident: Incident): string {
  const report = toReport(incident);
  const e = (key: string, subs: readonly string[] = []): string => english(key, subs);
  const stepDone = incident.steps.map((s) =>
    s.doneAt === null ? e('incidentReportNotDone') : readable(s.doneAt),
  );
  const lines = [
    `# ${escapeMarkdown(e('incidentReportTitle', [report.label]))}`,
    '',
    escapeMarkdown(report.summary),
    '',
    `- ${e('incidentReportExchange')}: ${escapeMarkdown(report.exchange.name)}`,
    `- ${e('incidentReportKey')}: ${escapeMarkdown(report.label)}`,
    `- ${e('incidentReportHint')}: ${report.apiKeyHint === null ? e('incidentReportHintNone') : escapeMarkdown(report.apiKeyHint)}`,
    `- ${e('incidentReportOpened')}: ${readable(incident.openedAt)}`,
    `- ${e('incidentReportFinished')}: ${incident.finishedAt === null ? e('incidentReportNotFinished') : readable(incident.finishedAt)}`,
    `- ${e('incidentReportReplacement')}: ${e(report.replacementLinked ? 'incidentReportYes' : 'incidentReportNo')}`,
    `- ${e('incidentProgress', [String(report.progress.done), String(report.progress.total)])}`,
    '',
    `## ${e('incidentReportSteps')}`,
    '',
    `| ${e('incidentReportStep')} | ${e('incidentReportUrgent')} | ${e('incidentReportDone')} |`,
    '| --- | --- | --- |',
    ...report.steps.map(
      (s, i) =>
        `| ${escapeMarkdown(s.title)} | ${e(s.urgent ? 'incidentReportYes' : 'incidentReportNo')} | ${stepDone[i] ?? ''} |`,
    ),
    '',
    `_${e('incidentReportNoSecrets')}_`,
    '',
  ];
  return lines.join('\n');
}
