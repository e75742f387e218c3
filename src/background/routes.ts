import type { GuardService } from './guard-service';
import { guardRoutes } from './handlers/guard';
import { guardSettingsRoutes } from './handlers/guard-settings';
import { healthRoutes } from './handlers/health';
import { vaultRoutes, type VaultRouteDeps } from './handlers/vault';
import type { Routes } from './router';

export interface Services extends VaultRouteDeps {
  readonly guard: GuardService;
}

/** Every message the background answers, from its services. */
export function createRoutes(services: Services): Routes {
  return {
    ...healthRoutes,
    ...vaultRoutes(services),
    ...guardRoutes(services.guard),
    ...guardSettingsRoutes(services.guard),
  };
}
