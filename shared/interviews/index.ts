// 个别谈话: schedule checks, outline templates, export documents (pure, unit-tested).
export * from './checks'
export * from './outline'
export * from './documents'
export * from './status'
