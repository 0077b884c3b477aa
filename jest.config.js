/**
 * Three layers (e2e and browser files raise their own timeout with jest.setTimeout): `engine` runs nodes
 * through n8n-core against loopback fakes; `e2e` runs a real n8n; `browser` opens that n8n's editor in chromium.
 * `reliability` is `npm run test:reliability` (the fault matrix, engine layer; writes docs/RELIABILITY.md), `queue`
 * is `npm run test:queue` (n8n in queue mode), `ai` is `npm run test:ai` (the nodes as AI tools, MCP and agent),
 * `install` is `npm run test:install` (the packages installed through n8n's community-packages endpoint from a
 * local registry) and `bench` is `npm run bench` (bench/*.bench.ts; docs/BENCHMARKS.md).
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
module.exports = {
	projects: [
		{
			displayName: 'engine',
			testEnvironment: 'node',
			// The fakes' own tests sit beside them in test/fakes (plain HTTP to the fake, no engine), run with these.
			roots: ['<rootDir>/test/engine', '<rootDir>/test/fakes'],
			testMatch: ['**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			displayName: 'browser',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/browser'],
			testMatch: ['**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			displayName: 'reliability',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/reliability'],
			testMatch: ['**/*.test.ts'],
			globalSetup: '<rootDir>/test/reliability/globalSetup.ts',
			globalTeardown: '<rootDir>/test/reliability/globalTeardown.ts',
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			displayName: 'queue',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/queue'],
			testMatch: ['**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			displayName: 'ai',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/ai'],
			testMatch: ['**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			displayName: 'install',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/install'],
			testMatch: ['**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			displayName: 'bench',
			testEnvironment: 'node',
			roots: ['<rootDir>/bench'],
			testMatch: ['**/*.bench.ts'],
			transform: { '^.+\\.ts$': tsJest },
		},
	],
};
