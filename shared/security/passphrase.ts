// The passphrase is the only thing between a lost laptop and the round's material, and the
// KDF can only slow an attacker down by a constant factor, so obviously guessable choices
// are refused up front with a Chinese explanation of every rule that was broken.

export const PASSPHRASE_MIN_LENGTH = 10
export const PASSPHRASE_MIN_KINDS = 3

export interface PassphraseCheck {
  ok: boolean
  /** One Chinese sentence per broken rule, in a stable order. */
  problems: string[]
  /** How many of the four kinds (lower, upper, digit, other) occur. */
  kinds: number
}

export const PASSPHRASE_MESSAGES = {
  tooShort: (n: number) => `口令至少需要 ${PASSPHRASE_MIN_LENGTH} 个字符（当前 ${n} 个）`,
  tooFewKinds: (n: number) => `口令需包含以下至少三类：小写字母、大写字母、数字、符号或汉字（当前 ${n} 类）`,
  allSame: '口令不能由同一个字符重复组成',
  common: '口令过于常见或规律性太强（如 1234567890、qwertyuiop、password），请换一个',
} as const

/** Words that dominate leaked-password lists (lower case). Longest first, so they are removed whole. */
const COMMON_WORDS = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'iloveyou',
  'welcome',
  'letmein',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'trustno1',
  'admin',
  'root',
  'login',
  'qwerty',
  'azerty',
  'woaini',
  'aini',
  'changeme',
  'secret',
  'test',
].sort((a, b) => b.length - a.length)

/** Keyboard rows and the alphabet, walked forwards or backwards, 3 characters or more. */
const SEQUENCES = [
  '1234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'abcdefghijklmnopqrstuvwxyz',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '!@#$%^&*()',
]
const SEQUENCE_MIN = 3

/** Fewer characters than this left after removing the predictable parts means "too common". */
const MIN_UNPREDICTABLE = 6

function kindOf(ch: string): 0 | 1 | 2 | 3 {
  if (/^\p{Ll}$/u.test(ch)) return 0
  if (/^\p{Lu}$/u.test(ch)) return 1
  if (/^\p{Nd}$/u.test(ch)) return 2
  return 3 // symbols, spaces, 汉字 and every other script
}

/** Removes keyboard/alphabet runs and common words; what is left is the "unpredictable" part. */
function unpredictableRemainder(lower: string): string[] {
  let s = lower
  for (const w of COMMON_WORDS) s = s.split(w).join('\u0000')
  const chars = [...s]
  const drop = new Array<boolean>(chars.length).fill(false)
  // Runs along a sequence (either direction) or of one repeated character.
  for (let i = 0; i < chars.length;) {
    let best = 1
    for (const seq of SEQUENCES) {
      for (const dir of [1, -1]) {
        let len = 1
        while (i + len < chars.length) {
          const a = seq.indexOf(chars[i + len - 1]!)
          const b = seq.indexOf(chars[i + len]!)
          if (a < 0 || b < 0 || b - a !== dir) break
          len++
        }
        best = Math.max(best, len)
      }
    }
    let same = 1
    while (i + same < chars.length && chars[i + same] === chars[i]) same++
    const run = Math.max(best, same >= SEQUENCE_MIN ? same : 1)
    if (run >= SEQUENCE_MIN) drop.fill(true, i, i + run)
    i += run >= SEQUENCE_MIN ? run : 1
  }
  return chars.filter((c, i) => !drop[i] && c !== '\u0000')
}

/**
 * Checks a passphrase against the rules: at least 10 characters (Unicode code points, after
 * NFC normalisation, so a 汉字 counts as one), at least 3 of the 4 kinds, not one repeated
 * character, and not mostly made of common words or keyboard/alphabet sequences.
 */
export function checkPassphrase(p: string): PassphraseCheck {
  const chars = [...p.normalize('NFC')]
  const problems: string[] = []
  const present = new Set(chars.map(kindOf))
  const kinds = present.size

  if (chars.length < PASSPHRASE_MIN_LENGTH) problems.push(PASSPHRASE_MESSAGES.tooShort(chars.length))
  if (kinds < PASSPHRASE_MIN_KINDS) problems.push(PASSPHRASE_MESSAGES.tooFewKinds(kinds))
  const allSame = chars.length > 1 && chars.every((c) => c === chars[0])
  if (allSame) problems.push(PASSPHRASE_MESSAGES.allSame)
  else if (chars.length > 0 && unpredictableRemainder(chars.join('').toLowerCase()).length < MIN_UNPREDICTABLE) {
    problems.push(PASSPHRASE_MESSAGES.common)
  }
  return { ok: problems.length === 0, problems, kinds }
}
