// The office's fonts for every PDF export (设置 → 公文字体): per role the font file the user chose
// (kept in this laptop's settings store: fonts are licensed software, not round data, so they are
// not sealed), else the best font the Electron shell found installed, else the bundled stand-in.
// The set is handed to each export worker once (platform/workers/exportJobs.ts, which is given
// `officeFontSet` as its font source by main.ts) and kept there.
import type { DetectedFont } from '@shared/bridge/contract'
import { FONT_ROLES, type FontRole, type OfficeFont } from '@shared/export/fonts'
import { bestPerSlot, FONT_SLOTS, type FontSlot, type FoundFont } from '@shared/export/office-fonts'
import type { OfficeFontSet } from '../platform/workers/exportJobs'
import { bridge } from '../platform/bridge'
import { appContext } from './app'

/** A font file the user chose for a slot: the chosen face, already extracted from a .ttc. */
export interface ChosenFont {
  name: string
  fileName: string
  face: number
  bytes: Uint8Array
}
export type FontChoices = Partial<Record<FontSlot, ChosenFont>>
export type { OfficeFontSet }

/** One setting per slot: a font is 10–30 MB, so choosing one does not rewrite the others. */
const setting = (slot: FontSlot) => `officeFont:${slot}`

export async function loadFontChoices(): Promise<FontChoices> {
  const all = await Promise.all(FONT_SLOTS.map((slot) => appContext.settings.get<ChosenFont | null>(setting(slot), null)))
  return Object.fromEntries(FONT_SLOTS.flatMap((slot, i) => (all[i] ? [[slot, all[i]]] : [])))
}

export async function saveFontChoice(slot: FontSlot, choice: ChosenFont | undefined): Promise<void> {
  await appContext.settings.set(setting(slot), choice ?? null)
  forgetOfficeFonts()
}

let detection: Promise<DetectedFont[]> | undefined
/** The installed fonts, looked for once per session (a font folder walk takes a moment). */
export function detectedFonts(again = false): Promise<DetectedFont[]> {
  if (again) detection = undefined
  detection ??= bridge()
    .detectOfficeFonts()
    .catch(() => [])
  return detection
}

export const bestDetected = (found: DetectedFont[]) =>
  bestPerSlot(found.map((f) => ({ ...f, slot: f.slot as FontSlot }) as unknown as FoundFont)) as Partial<Record<FontSlot, DetectedFont>>

let current: Promise<{ key: string; fonts: OfficeFontSet }> | undefined
let generation = 0

export function forgetOfficeFonts(): void {
  current = undefined
  generation++
}

/** The font set for exports now, with a key that changes whenever the set does. */
export function officeFontSet(): Promise<{ key: string; fonts: OfficeFontSet }> {
  current ??= (async () => {
    const [choices, found] = await Promise.all([loadFontChoices(), detectedFonts()])
    const best = bestDetected(found)
    const pick = async (slot: FontSlot): Promise<OfficeFont | undefined> => {
      const own = choices[slot]
      if (own) return { name: own.name, bytes: own.bytes }
      const d = best[slot]
      if (!d) return undefined
      try {
        return { name: d.name, bytes: await bridge().readOfficeFont(d.id) }
      } catch {
        return undefined // the file went away since detection: the stand-in serves
      }
    }
    const roles: OfficeFontSet['roles'] = {}
    for (const role of FONT_ROLES) {
      const f = await pick(role)
      if (f) roles[role] = f
    }
    const extra = await pick('extra')
    return { key: `fonts-${generation}`, fonts: { roles, extra: extra ? [extra] : [] } }
  })()
  current.catch(() => (current = undefined))
  return current
}

/** The office fonts' names per role, for the Word files' styles (roles without one keep the standard names). */
export async function officeFontNames(): Promise<Partial<Record<FontRole, string>>> {
  const { fonts } = await officeFontSet()
  return Object.fromEntries(Object.entries(fonts.roles ?? {}).map(([role, f]) => [role, f.name]))
}
