// ESLint flat config. For now only the regexp rules that keep every parser linear and correct;
// add more configs to the array (prettier, broader rules) without touching these.
import babelParser from '@babel/eslint-parser';
import regexp from 'eslint-plugin-regexp';

// typescript-eslint's parser needs the `typescript` JS API (< 6.1); this repo type-checks with
// TypeScript 7, which has none, so TypeScript syntax is read with Babel's parser (no type info needed).
const typescriptSyntax = {
  parser: babelParser,
  parserOptions: {
    requireConfigFile: false,
    babelOptions: { babelrc: false, configFile: false, parserOpts: { plugins: ['typescript'] } },
  },
};

export default [
  { ignores: ['node_modules/', 'dist/', 'build/', 'bench/results/', 'data/'] },
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', ...typescriptSyntax },
    plugins: { regexp },
    rules: {
      // Safety: no pattern may take super-linear time on chat text (issue 12, finding 1).
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // Correctness.
      'regexp/no-misleading-capturing-group': 'error',
      'regexp/no-useless-backreference': 'error',
      'regexp/no-empty-alternative': 'error',
      'regexp/no-dupe-disjunctions': 'error',
      'regexp/no-invalid-regexp': 'error',
    },
  },
];
