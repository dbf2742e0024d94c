// The record shapes a view hands to a store or a service, so that views need not reach into platform/.
export type { Draft } from '../platform/db/repository'
