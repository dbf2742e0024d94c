// The app's own service context: the one database, keyring and settings of this laptop
// (platform/db/workbench.ts). Views and stores pass it to the services; tests pass their own.
import { platform } from '../platform/db/workbench'
import type { ServiceContext } from './context'

export const appContext: ServiceContext = platform
