// ESLint for the whole tree (flat config): typescript-eslint for .ts, eslint-plugin-vue for .vue,
// and eslint-config-prettier last so that layout is Prettier's business alone.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'release/**', 'node_modules/**', '.tools/**', '.ci/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Type-only imports are enforced by the compiler (verbatimModuleSyntax); unused names are errors.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The tree uses `x!` where a value is known to exist after a guard the compiler cannot see.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Views name themselves after their route section (DashboardView, not Dashboard-View).
      'vue/multi-word-component-names': 'off',
      // Element Plus' slot and v-model patterns (#default="{ row }", v-model on props via emit).
      'vue/no-template-shadow': 'off',
      'vue/require-default-prop': 'off',
      // Chinese text deliberately holds the ideographic space (U+3000) in strings, templates and
      // comments (公文 layout such as "第　一　条"); elsewhere it is still an error.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
      'vue/no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true, skipHTMLTextContents: true },
      ],
      // File-name and input sanitisers strip control characters with a regular expression on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests reach into mocks and Electron stand-ins through `any`.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    // The core rule reads a .vue file as one text; the Vue rule below knows template text from code.
    rules: { 'no-irregular-whitespace': 'off' },
  },
  prettier,
)
