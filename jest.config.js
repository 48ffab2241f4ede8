/** Three projects, told apart by file suffix (HOUSE-STYLE.md): unit beside the code, int needs a server, e2e under test/. */
const moduleNameMapper = {
  '^@app/(domain|event-store|projections|history)$': '<rootDir>/libs/$1/src',
  '^@app/(domain|event-store|projections|history)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: __dirname,
  moduleNameMapper,
  transform: { '^.+\\.ts$': 'ts-jest' },
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
