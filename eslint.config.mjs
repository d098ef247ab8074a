// ESLint flat config: typescript-eslint's recommended rules with type information, on every
// TypeScript file the project compiles (tsconfig.json). Formatting is Prettier's job, not ESLint's.
import tseslint from 'typescript-eslint';

/** Rules switched off where code reads untyped JSON on purpose (see each block for why). */
const UNTYPED_JSON = {
  '@typescript-eslint/no-explicit-any': 'off',
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdktf.out/', 'docs/api/', 'src/contract/schemas/compiled/', 'test-artifacts/', 'examples/', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a parameter an interface requires and the implementation does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The resource rules read Terraform JSON, whose shape depends on the resource type and the
    // provider version: `config` is a Record of `any` by design, each rule checks what it reads.
    // Typing it as unknown would move every check behind casts that prove nothing more.
    files: ['src/governance/stack-resources.ts', 'src/governance/resource-rules/*.ts'],
    rules: UNTYPED_JSON,
  },
  {
    // Tests and the benchmark read synthesized Terraform JSON and parsed YAML untyped, and then
    // assert its shape: typing every fixture would restate the provider's schema. The library
    // itself (src/, stacks/, scripts/) gets no such allowance.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: UNTYPED_JSON,
  },
);
