import { setUpFor } from './global-setup';

/** The `e2e-refresh` project: Strapi in its refresh mode (`jwtManagement: 'refresh'`). */
export default function globalSetup(): Promise<void> {
  return setUpFor('refresh');
}
