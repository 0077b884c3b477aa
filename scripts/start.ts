// `npm start`: a local sandbox to try the pack by hand.
//
//   1. installs n8n once into a cache outside the repo (scripts/install-n8n.sh), with the Node 24 it needs;
//   2. starts the fake vendor servers (test/fakes, compiled with this script into .build/sandbox by
//      tsconfig.sandbox.json), seeded, on fixed loopback ports, and the scripted chat model the AI Agent
//      example runs on (test/fakes/chatModel);
//   3. installs the BUILT pack (what `npm pack` ships) as a community package into the persistent,
//      git-ignored user folder .sandbox/n8n, imports a credential per fake ("Oliver sandbox", ...), the
//      scripted model's OpenAI credential and the MCP example's bearer token (test/ai/credentials.ts), and the
//      workflows in examples/*.json that the sandbox does not have yet;
//   4. starts `n8n start` on http://127.0.0.1:5678, creates the owner account on first run, checks the
//      login, and prints where to go. Ctrl-C stops n8n and the fakes.
//
// Re-runnable: a second `npm start` reuses .sandbox (your workflows, executions, owner); the pack and the
// sandbox credentials are refreshed. `npm start -- --restore-examples` puts the example workflows back as
// examples/ has them (scripts/sandboxExamples.ts), leaving every other workflow alone; `npm start -- --reset`
// starts from an empty sandbox (your own workflows too).
// Environment: N8N_PORT (default 5678), TASKBRIDGE_EXAMPLES_DIR (default examples/), GENERIC_TIMEZONE (the
// workflows' time zone; default this machine's).
//
// Everything it does with n8n goes through the e2e harness (test/e2e/harness): the same installer, n8n
// version, environment, pack-and-install, CLI and server start as the end-to-end tests.
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { N8nCli } from '../test/e2e/harness/cli';
import { ensureN8n, N8N_VERSION } from '../test/e2e/harness/install';
import { installCommunityPackage, packPackage } from '../test/e2e/harness/packAndInstall';
import { freePort, portInUse, stopGroup } from '../test/e2e/harness/processes';
import { PACKAGE_JSON, PACKAGE_NAME, REPO_ROOT } from '../test/e2e/harness/repo';
import { logIn, needsOwnerSetup, setUpOwner, type N8nOwner } from '../test/e2e/harness/rest';
import { spawnN8nServer, startupWatcher, waitUntilServing } from '../test/e2e/harness/server';
import type { N8nCredential } from '../test/e2e/harness/workflowBuilder';
import { chatModelCredential, MCP_CLIENT_CREDENTIAL } from '../test/ai/credentials';
import { ChatModelFake } from '../test/fakes/chatModel';
import { sandboxScript } from '../test/fakes/chatModel/sandboxScript';
import { HumanityFake } from '../test/fakes/humanity';
import { linkSandboxTasks } from '../test/fakes/linkedSandboxTasks';
import { MileAppFake } from '../test/fakes/mileApp';
import { OliverFake } from '../test/fakes/oliver';
import { OpenDentalFake } from '../test/fakes/openDental';
import { PlannrFake } from '../test/fakes/plannr';
import {
	exampleLink,
	importExamples,
	readExamples,
	signInToExamplesLink,
	type Example,
} from './sandboxExamples';

const HOST = '127.0.0.1';
const PORT = Number(process.env.N8N_PORT ?? 5678);
const BASE = `http://${HOST}:${PORT}`;
const SANDBOX = path.join(REPO_ROOT, '.sandbox');
const USER_FOLDER = path.join(SANDBOX, 'n8n');
const N8N_FOLDER = path.join(USER_FOLDER, '.n8n');
const LOG_FILE = path.join(SANDBOX, 'n8n.log');
/** The scripted model behind the AI Agent example (test/fakes/chatModel/sandboxScript.ts). */
const CHAT_MODEL_PORT = 5715;
const EXAMPLES = process.env.TASKBRIDGE_EXAMPLES_DIR ?? path.join(REPO_ROOT, 'examples');
/** `npm start -- --restore-examples`: the examples put back as examples/ has them, nothing else touched. */
const RESTORE_EXAMPLES = process.argv.includes('--restore-examples');
/** The workflows' time zone (GENERIC_TIMEZONE): the caller's, else this machine's. */
const TIMEZONE =
	process.env.GENERIC_TIMEZONE || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
// The sandbox's only account. Local, loopback-only, printed on purpose.
const OWNER: N8nOwner = {
	email: 'sandbox@example.com',
	firstName: 'Sandbox',
	lastName: 'Owner',
	password: 'Taskbridge-Sandbox-1',
};

/** What the sandbox needs of a fake vendor server. */
interface SandboxFake {
	readonly url: string;
	start(port: number): Promise<string>;
	stop(): Promise<void>;
	seedSandbox(): void;
}

/**
 * One entry per fake vendor: the fake, the port it gets, and the sandbox credential that points at it.
 * Examples reference these credentials by id and name.
 */
interface SandboxVendor<F extends SandboxFake = SandboxFake> {
	name: string;
	port: number;
	create(): F;
	credential(fake: F): N8nCredential;
	/** Credentials beyond the API one (e.g. the secret MileApp's webhook carries), which examples also name. */
	otherCredentials?(fake: F): N8nCredential[];
	/** Set-up the vendor's web app would hold, done once the fake is seeded. */
	setUp?(fake: F): void;
}

const VENDORS: SandboxVendor[] = [
	{
		name: 'Oliver',
		port: 5710,
		create: () => new OliverFake(),
		credential: (fake: OliverFake) => ({
			id: 'oliverSandbox',
			name: 'Oliver sandbox',
			type: 'oliverApi',
			data: fake.credentialData(),
		}),
	},
	{
		name: 'Open Dental',
		port: 5711,
		create: () => new OpenDentalFake(),
		// The fake keeps its Remote-like throttle (1 request per second per customer key, a sooner one
		// refused), and the credential paces the nodes to it, as with the real Remote API.
		credential: (fake: OpenDentalFake) => ({
			id: 'openDentalSandbox',
			name: 'Open Dental sandbox',
			type: 'openDentalApi',
			data: { ...fake.credentialData(), rateLimit: 'perSecond' },
		}),
	},
	{
		name: 'Plannr',
		port: 5712,
		create: () => new PlannrFake(),
		// A personal access token; the Plannr Trigger's webhook subscriptions are kept by the fake, which
		// delivers signed events to the n8n URL a workflow subscribed.
		credential: (fake: PlannrFake) => ({
			id: 'plannrSandbox',
			name: 'Plannr sandbox',
			type: 'plannrApi',
			data: fake.credentialData(),
		}),
	},
	{
		name: 'MileApp',
		port: 5713,
		create: () => new MileAppFake(),
		// A personal token.
		credential: (fake: MileAppFake) => ({
			id: 'mileAppSandbox',
			name: 'MileApp sandbox',
			type: 'mileAppApi',
			data: fake.credentialData(),
		}),
		// The secret the example's trigger checks, which the sandbox's webhook below carries as a custom header.
		otherCredentials: (fake: MileAppFake) => [
			{
				id: 'mileAppWebhookSandbox',
				name: 'MileApp webhook sandbox',
				type: 'mileAppWebhookApi',
				data: fake.webhookCredentialData(),
			},
		],
		// MileApp's webhooks are set up by hand in its web app, which the fake does not have: the sandbox sets up
		// the one the cross-vendor example listens on (its trigger's webhookId), so finishing a task there works.
		setUp: (fake: MileAppFake) => {
			fake.addWebhook({
				url: `${BASE}/webhook/taskbridge-mileapp-finished/webhook`,
				events: ['onFinish'],
				headers: fake.webhookSecretHeaders(),
			});
		},
	},
	{
		name: 'Humanity',
		port: 5714,
		create: () => new HumanityFake(),
		// App id and secret, and the sandbox user's sign-in; the nodes get their token by the password grant.
		credential: (fake: HumanityFake) => ({
			id: 'humanitySandbox',
			name: 'Humanity sandbox',
			type: 'humanityApi',
			data: fake.credentialData(),
		}),
	},
];

const say = (line = '') => process.stdout.write(`${line}\n`);
const nameOf = (example: Example) => String(example.workflow.name);
/** "a", "a or b", "a, b or c". */
const orList = (words: string[]) =>
	words.length <= 1
		? words.join('')
		: `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
/** A failure before anything was started: say it and end. */
const die = (message: string): never => {
	process.stderr.write(`\nnpm start: ${message}\n`);
	process.exit(1);
};

function tailOf(file: string, lines = 40): string {
	if (!existsSync(file)) return '';
	return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

type Started = { vendor: SandboxVendor; fake: SandboxFake };

/** The MCP Server Triggers of the examples: each one's name and production URL. */
function mcpServers(examples: Example[]): Array<{ name: string; url: string }> {
	return examples.flatMap(({ workflow }) =>
		workflow.nodes
			.filter((node) => node.type.endsWith('.mcpTrigger'))
			.map((node) => ({
				name: String(workflow.name),
				url: `${BASE}/mcp/${String(node.parameters.path)}`,
			})),
	);
}

// ---------------------------------------------------------------------------------------------------------
// The fakes
// ---------------------------------------------------------------------------------------------------------
async function startFakes(started: Started[]): Promise<void> {
	for (const vendor of VENDORS) {
		if (await portInUse(vendor.port, HOST))
			throw new Error(
				`port ${vendor.port} (fake ${vendor.name}) is taken: is another sandbox running?`,
			);
		const fake = vendor.create();
		await fake.start(vendor.port);
		started.push({ vendor, fake });
		fake.seedSandbox();
		vendor.setUp?.(fake);
	}
	const fakeOf = <F>(kind: new () => F) =>
		started.map(({ fake }) => fake).find((fake): fake is F & SandboxFake => fake instanceof kind);
	const [oliver, openDental] = [fakeOf(OliverFake), fakeOf(OpenDentalFake)];
	// The tasks that name each other, for the Open Dental → Oliver example and the README's first flow.
	if (oliver && openDental) linkSandboxTasks(oliver, openDental);
}

// ---------------------------------------------------------------------------------------------------------
// The sandbox user folder
// ---------------------------------------------------------------------------------------------------------
async function installPack(): Promise<void> {
	const packDir = path.join(SANDBOX, 'pack');
	rmSync(packDir, { recursive: true, force: true });
	const tarball = await packPackage(REPO_ROOT, packDir);
	await installCommunityPackage(tarball, N8N_FOLDER);
	say(
		`• ${PACKAGE_NAME}@${PACKAGE_JSON.version} (built) installed as a community package in .sandbox/n8n/.n8n/nodes`,
	);
}

// ---------------------------------------------------------------------------------------------------------
// n8n start, owner, login
// ---------------------------------------------------------------------------------------------------------
async function ensureOwnerAndLogin(): Promise<{ created: boolean; loginOk: boolean }> {
	let created = false;
	if (await needsOwnerSetup(BASE)) {
		const setup = await setUpOwner(BASE, OWNER);
		if (setup.status !== 200)
			throw new Error(
				`owner setup failed (HTTP ${setup.status}): ${JSON.stringify(setup.body).slice(0, 500)}`,
			);
		created = true;
	}
	const login = await logIn(BASE, OWNER);
	return { created, loginOk: login.status === 200 };
}

async function main(): Promise<void> {
	if (process.argv.includes('--reset')) {
		rmSync(SANDBOX, { recursive: true, force: true });
		say('• --reset: .sandbox removed');
	}
	mkdirSync(N8N_FOLDER, { recursive: true });
	if (await portInUse(PORT, HOST))
		die(
			`port ${PORT} is taken: is a sandbox (or another n8n) already running? Stop it, or set N8N_PORT.`,
		);

	say(
		`• n8n ${N8N_VERSION}: checking the cache (the first time this installs it: several minutes)`,
	);
	const install = await ensureN8n(N8N_VERSION).catch((error: Error) => die(error.message));
	// The sandbox keeps the encryption key n8n made on its first run (in .n8n/config): none is set here.
	const cli = new N8nCli(
		install,
		SANDBOX,
		USER_FOLDER,
		{
			N8N_LISTEN_ADDRESS: HOST,
			N8N_HOST: HOST,
			N8N_PORT: String(PORT),
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${BASE}/`,
			N8N_WEBHOOK_URL: `${BASE}/`,
		},
		{ encryptionKey: null, timezone: TIMEZONE },
	);

	const fakes: Started[] = [];
	const chatModel = new ChatModelFake({ script: sandboxScript });
	let n8n: ChildProcess | undefined;
	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		say('\n• stopping n8n and the fakes…');
		if (n8n) await stopGroup(n8n, 20_000);
		await Promise.all(
			[...fakes.map(({ fake }) => fake), chatModel].map((fake) =>
				fake.stop().catch(() => undefined),
			),
		);
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.on(signal, () => void stop(0));

	try {
		await startFakes(fakes);
		for (const { vendor, fake } of fakes) say(`• fake ${vendor.name} on ${fake.url} (seeded)`);
		if (await portInUse(CHAT_MODEL_PORT, HOST))
			throw new Error(
				`port ${CHAT_MODEL_PORT} (scripted model) is taken: is another sandbox running?`,
			);
		await chatModel.start(CHAT_MODEL_PORT);
		say(`• scripted chat model (OpenAI-compatible) on ${chatModel.baseUrl}`);
		await installPack();
		const credentials = [
			...fakes.flatMap(({ vendor, fake }) => [
				vendor.credential(fake),
				...(vendor.otherCredentials?.(fake) ?? []),
			]),
			chatModelCredential(chatModel),
			MCP_CLIENT_CREDENTIAL,
		];
		await cli.importCredentials(credentials);
		for (const credential of credentials) {
			const target = credential.data.baseUrl ?? credential.data.url;
			say(
				`• credential "${credential.name}" (${credential.type}, id ${credential.id})${target ? ` → ${String(target)}` : ''}`,
			);
		}
		const examples = await importExamples(cli, EXAMPLES, { restore: RESTORE_EXAMPLES });
		for (const skipped of examples.skipped) say(`  (examples/${skipped}: skipped)`);
		if (examples.added.length)
			say(`• example workflows imported: ${examples.added.map(nameOf).join(', ')}`);
		if (examples.restored.length)
			say(
				`• --restore-examples: ${examples.restored.length} example workflow(s) put back as examples/ has them; your other workflows are untouched`,
			);
		if (examples.kept.length)
			say(
				`• ${examples.kept.length} example workflow(s) already in the sandbox: kept as they are (\`npm start -- --restore-examples\` puts them back)`,
			);

		say(`• starting n8n on ${BASE} (log: .sandbox/n8n.log)`);
		const log = createWriteStream(LOG_FILE, { flags: 'a' });
		log.write(`\n===== npm start ${new Date().toISOString()} =====\n`);
		const startup = startupWatcher();
		// Its own process group: Ctrl-C reaches this script, which stops n8n and its task runner.
		const server = spawnN8nServer(install, {
			env: cli.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
			cwd: SANDBOX,
			onOutput: (chunk) => {
				log.write(chunk);
				startup.onOutput(chunk);
			},
		});
		n8n = server;
		server.once('exit', (code, signal) => {
			if (stopping) return;
			process.stderr.write(
				`\nn8n exited (${code ?? signal}). Last log lines:\n${tailOf(LOG_FILE)}\n`,
			);
			void stop(1);
		});
		await waitUntilServing(server, PORT, {
			startedUp: startup.done,
			log: () => `Last log lines:\n${tailOf(LOG_FILE)}`,
			timeoutMs: 180_000,
		});

		const { created, loginOk } = await ensureOwnerAndLogin();
		say('');
		say('──────────────────────────────────────────────────────────────');
		say(` n8n sandbox is up: ${signInToExamplesLink(BASE)}`);
		say(
			` log in as  ${OWNER.email}  /  ${OWNER.password}${created ? '   (account just created)' : ''}; that link then opens the examples`,
		);
		if (!loginOk)
			say(
				' (that login was refused: if you changed the password in the sandbox, use yours; `npm start -- --reset` starts over)',
			);
		say(
			` nodes: search ${orList(VENDORS.map((vendor) => `"${vendor.name}"`))} in the nodes panel (${PACKAGE_NAME}, community package)`,
		);
		for (const { vendor, fake } of fakes) {
			const names = [vendor.credential(fake), ...(vendor.otherCredentials?.(fake) ?? [])].map(
				(credential) => `"${credential.name}"`,
			);
			say(
				` ${vendor.name}: fake at ${fake.url}, ${names.length === 1 ? 'credential' : 'credentials'} ${names.join(', ')}`,
			);
		}
		say(
			` AI agent: "Practice tasks agent" runs on the scripted model (credential "${chatModelCredential(chatModel).name}"); give it an OpenAI credential for a real one`,
		);
		say(' examples (open one, pick its credentials if asked, then Execute or Publish):');
		for (const example of readExamples(EXAMPLES).examples)
			say(`   ${exampleLink(BASE, example)}  ${nameOf(example)}`);
		for (const server of mcpServers(readExamples(EXAMPLES).examples))
			say(
				` MCP: publish "${server.name}", then connect an MCP client to ${server.url} with the header "Authorization: Bearer ${String(MCP_CLIENT_CREDENTIAL.data.token)}"`,
			);
		say(` workflow time zone: ${TIMEZONE} (GENERIC_TIMEZONE)`);
		say(' Ctrl-C stops everything; data stays in .sandbox/ for the next `npm start`.');
		say('──────────────────────────────────────────────────────────────');
	} catch (error) {
		if (!stopping) process.stderr.write(`\nnpm start: ${(error as Error)?.message ?? error}\n`);
		await stop(1);
	}
}

void main();
