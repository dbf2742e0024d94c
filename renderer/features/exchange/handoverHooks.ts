// Hook for the report package (issue 7, renderer/features/reports): it registers a provider
// that returns the report files of a round; until then the hand-over carries no report and
// says so in its manifest (`reportsIncluded: false`).
import type { HandoverFile } from '@shared/exchange/handover'

type Provider = (roundId: string) => Promise<HandoverFile[]>
let provider: Provider | undefined

export function registerHandoverReports(p: Provider): void {
  provider = p
}

export async function handoverReportFiles(roundId: string): Promise<HandoverFile[]> {
  return provider ? provider(roundId) : []
}
