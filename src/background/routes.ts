import type { AuditService } from './audit-service';
import type { GuardService } from './guard-service';
import { auditRoutes } from './handlers/audit';
import { incidentRoutes } from './handlers/incident';
import { liveAuditRoutes } from './handlers/live-audit';
import type { IncidentService } from './incident-service';
import type { LiveAuditService } from './live-audit-service';
import { guardRoutes } from './handlers/guard';
import { guardSettingsRoutes } from './handlers/guard-settings';
import { healthRoutes } from './handlers/health';
import { vaultRoutes, type VaultRouteDeps } from './handlers/vault';
import type { Routes } from './router';

export interface Services extends VaultRouteDeps {
  readonly guard: GuardService;
  readonly audit: AuditService;
  readonly incidents: IncidentService;
  readonly live: LiveAuditService;
}

/** Every message the background answers, from its services. */
export function createRoutes(services: Services): Routes {
  return {
    ...healthRoutes,
    ...vaultRoutes(services),
    ...guardRoutes(services.guard),
    ...guardSettingsRoutes(services.guard),
    ...auditRoutes(services.audit),
    ...incidentRoutes(services.incidents),
    ...liveAuditRoutes(services.live),
  };
}
