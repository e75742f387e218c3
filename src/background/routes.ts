import type { Routes } from './router';
import { healthRoutes } from './handlers/health';

/** Every message the background answers. Features add their routes here. */
export const routes: Routes = {
  ...healthRoutes,
};
