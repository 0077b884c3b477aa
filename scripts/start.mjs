#!/usr/bin/env node
// `npm start`: a local sandbox to try the pack by hand.
//
//   1. installs n8n once into a cache outside the repo (scripts/install-n8n.sh), with the Node 24 it needs;
//   2. compiles the fake vendor servers (test/fakes/*.ts -> .build/, tsconfig.sandbox.json) and starts them,
//      seeded, on fixed loopback ports;
//   3. installs the BUILT pack (what `npm pack` ships) as a community package into the persistent,
//      git-ignored user folder .sandbox/n8n, imports a credential per fake ("Oliver sandbox", ...) and the
//      workflows in examples/*.json that the sandbox does not have yet;
//   4. starts `n8n start` on http://127.0.0.1:5678, creates the owner account on first run, checks the
//      login, and prints where to go. Ctrl-C stops n8n and the fakes.
//
// Re-runnable: a second `npm start` reuses .sandbox (your workflows, executions, owner); the pack and the
// sandbox credentials are refreshed. `npm start -- --reset` starts from an empty sandbox.
// Environment: N8N_PORT (default 5678), TASKBRIDGE_EXAMPLES_DIR (default examples/).
import { spawn, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
	createWriteStream,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const OFFLINE_ENV = JSON.parse(
	readFileSync(path.join(REPO, 'scripts/n8n-offline-env.json'), 'utf8'),
);
const N8N_VERSION = '2.41.1';
const HOST = '127.0.0.1';
const PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX = path.join(REPO, '.sandbox');
const USER_FOLDER = path.join(SANDBOX, 'n8n');
const N8N_FOLDER = path.join(USER_FOLDER, '.n8n');
const LOG_FILE = path.join(SANDBOX, 'n8n.log');
const EXAMPLES = process.env.TASKBRIDGE_EXAMPLES_DIR ?? path.join(REPO, 'examples');
// The sandbox's only account. Local, loopback-only, printed on purpose.
const OWNER = {
	email: 'sandbox@example.com',
	firstName: 'Sandbox',
	lastName: 'Owner',
	password: 'Taskbridge-Sandbox-1',
};

/**
 * One entry per fake vendor: where its compiled fake lives, the port it gets, and the sandbox credential
 * that points at it. Examples reference these credentials by id and name. A fake not written yet is skipped.
 */
const VENDORS = [
	{
		name: 'Oliver',
		module: 'oliver',
		className: 'OliverFake',
		port: 5710,
		credential: (fake) => ({
			id: 'oliverSandbox',
			name: 'Oliver sandbox',
			type: 'oliverApi',
			data: fake.credentialData(),
		}),
	},
	{
		name: 'Open Dental',
		module: 'openDental',
		className: 'OpenDentalFake',
		port: 5711,
		// The fake keeps its Remote-like throttle (1 request per second per customer key, a sooner one
		// refused), and the credential paces the nodes to it, as with the real Remote API.
		credential: (fake) => ({
			id: 'openDentalSandbox',
			name: 'Open Dental sandbox',
			type: 'openDentalApi',
			data: { ...fake.credentialData(), rateLimit: 'perSecond' },
		}),
	},
	{
		name: 'Plannr',
		module: 'plannr',
		className: 'PlannrFake',
		port: 5712,
		// A personal access token; the Plannr Trigger's webhook subscriptions are kept by the fake, which
		// delivers signed events to the n8n URL a workflow subscribed.
		credential: (fake) => ({
			id: 'plannrSandbox',
			name: 'Plannr sandbox',
			type: 'plannrApi',
			data: fake.credentialData(),
		}),
	},
	{
		name: 'MileApp',
		module: 'mileApp',
		className: 'MileAppFake',
		port: 5713,
		// A personal token.
		credential: (fake) => ({
			id: 'mileAppSandbox',
			name: 'MileApp sandbox',
			type: 'mileAppApi',
			data: fake.credentialData(),
		}),
		// MileApp's webhooks are set up by hand in its web app, which the fake does not have: the sandbox sets up
		// the one the cross-vendor example listens on (its trigger's webhookId), so finishing a task there works.
		webhooks: [{ path: 'taskbridge-mileapp-finished/webhook', events: ['onFinish'] }],
	},
	{
		name: 'Humanity',
		module: 'humanity',
		className: 'HumanityFake',
		port: 5714,
		// App id and secret, and the sandbox user's sign-in; the nodes get their token by the password grant.
		credential: (fake) => ({
			id: 'humanitySandbox',
			name: 'Humanity sandbox',
			type: 'humanityApi',
			data: fake.credentialData(),
		}),
	},
];

const say = (line = '') => process.stdout.write(`${line}\n`);
/** "a", "a or b", "a, b or c". */
const orList = (words) =>
	words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
const die = (message) => {
	process.stderr.write(`\nnpm start: ${message}\n`);
	process.exit(1);
};

function run(command, args, options = {}) {
	const result = spawnSync(command, args, {
		cwd: REPO,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		...options,
	});
	if (result.error) throw result.error;
	return result;
}

function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: HOST, port });
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

// ---------------------------------------------------------------------------------------------------------
// 1. n8n
// ---------------------------------------------------------------------------------------------------------
function ensureN8n() {
	say(
		`• n8n ${N8N_VERSION}: checking the cache (the first time this installs it: several minutes)`,
	);
	const result = run('bash', [path.join(REPO, 'scripts/install-n8n.sh'), N8N_VERSION], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (result.status !== 0) die('scripts/install-n8n.sh failed (see above)');
	const dir = result.stdout.trim().split('\n').pop().trim();
	return {
		dir,
		nodeBinDir: path.join(dir, 'node_modules/node/bin'),
		nodeBin: path.join(dir, 'node_modules/node/bin/node'),
		n8nMain: path.join(dir, 'node_modules/n8n/bin/n8n'),
	};
}

/** Everything n8n must not do offline is off (scripts/n8n-offline-env.json; test/e2e/n8n.ts says why for each). */
function n8nEnv(install, extra = {}) {
	const env = {};
	for (const name of [
		'HOME',
		'USER',
		'LOGNAME',
		'LANG',
		'LC_ALL',
		'LC_CTYPE',
		'TMPDIR',
		'TZ',
		'GENERIC_TIMEZONE',
		'SSL_CERT_FILE',
	]) {
		if (process.env[name] !== undefined) env[name] = process.env[name];
	}
	return {
		...env,
		PATH: [install.nodeBinDir, process.env.PATH].join(path.delimiter),
		...OFFLINE_ENV,
		N8N_USER_FOLDER: USER_FOLDER, // the encryption key is made by n8n on first run and kept in .n8n/config
		N8N_LISTEN_ADDRESS: HOST,
		N8N_HOST: HOST,
		N8N_PORT: String(PORT),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://${HOST}:${PORT}/`,
		N8N_WEBHOOK_URL: `http://${HOST}:${PORT}/`,
		N8N_SECURE_COOKIE: 'false',
		...extra,
	};
}

async function n8nCli(install, args) {
	const env = n8nEnv(install, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
	const result = run(install.nodeBin, [install.n8nMain, ...args], { env, cwd: SANDBOX });
	return { ...result, output: `${result.stdout}${result.stderr}` };
}

// ---------------------------------------------------------------------------------------------------------
// 2. fakes
// ---------------------------------------------------------------------------------------------------------
async function startFakes() {
	say('• fake vendors: compiling test/fakes into .build/');
	const tsc = run(process.execPath, [
		path.join(REPO, 'node_modules/typescript/bin/tsc'),
		'-p',
		'tsconfig.sandbox.json',
	]);
	if (tsc.status !== 0) die(`could not compile the fakes:\n${tsc.stdout}${tsc.stderr}`);
	const started = [];
	for (const vendor of VENDORS) {
		const file = path.join(REPO, '.build/test/fakes', `${vendor.module}.js`);
		const FakeClass = existsSync(file) ? require(file)[vendor.className] : undefined;
		if (!FakeClass) {
			say(`  (no fake for ${vendor.name} yet: skipped)`);
			continue;
		}
		if (await portInUse(vendor.port))
			die(`port ${vendor.port} (fake ${vendor.name}) is taken: is another sandbox running?`);
		const fake = new FakeClass();
		await fake.start(vendor.port);
		fake.seedSandbox?.();
		for (const webhook of vendor.webhooks ?? [])
			fake.addWebhook({ url: `${BASE}/webhook/${webhook.path}`, events: webhook.events });
		started.push({ vendor, fake });
	}
	return started;
}

// ---------------------------------------------------------------------------------------------------------
// 3. the sandbox user folder
// ---------------------------------------------------------------------------------------------------------
function installPack() {
	for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
		if (!existsSync(path.join(REPO, file)))
			die(`${file} is missing: run \`npm run build\` (npm start does)`);
	}
	const packDir = path.join(SANDBOX, 'pack');
	rmSync(packDir, { recursive: true, force: true });
	mkdirSync(packDir, { recursive: true });
	const packed = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
		env: { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' },
	});
	if (packed.status !== 0) die(`npm pack failed:\n${packed.stderr}`);
	const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
	const nodesFolder = path.join(N8N_FOLDER, 'nodes');
	const target = path.join(nodesFolder, 'node_modules', pkg.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const untar = run('tar', [
		'-xzf',
		path.join(packDir, filename),
		'-C',
		target,
		'--strip-components=1',
	]);
	if (untar.status !== 0) die(`could not unpack ${filename}: ${untar.stderr}`);
	const ledgerFile = path.join(nodesFolder, 'package.json');
	const ledger = existsSync(ledgerFile)
		? JSON.parse(readFileSync(ledgerFile, 'utf8'))
		: { name: 'installed-nodes', private: true };
	ledger.dependencies = { ...ledger.dependencies, [pkg.name]: pkg.version };
	writeFileSync(ledgerFile, JSON.stringify(ledger, null, 2));
	say(
		`• ${pkg.name}@${pkg.version} (built) installed as a community package in .sandbox/n8n/.n8n/nodes`,
	);
}

async function importCredentials(install, fakes) {
	const credentials = fakes.map(({ vendor, fake }) => vendor.credential(fake));
	if (!credentials.length) return [];
	const file = path.join(SANDBOX, 'credentials.import.json');
	writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
	try {
		const result = await n8nCli(install, ['import:credentials', `--input=${file}`]);
		if (result.status !== 0 || !/Successfully imported/.test(result.output)) {
			die(`n8n import:credentials failed:\n${redact(result.output, credentials)}`);
		}
	} finally {
		rmSync(file, { force: true });
	}
	return credentials;
}

/** Every secret-looking credential value (password, token, key, secret) replaced by ***. */
function redact(text, credentials) {
	let out = text;
	for (const { data } of credentials) {
		for (const [field, value] of Object.entries(data)) {
			if (/pass|secret|token|key/i.test(field) && typeof value === 'string' && value.length >= 3)
				out = out.split(value).join('***');
		}
	}
	return out;
}

async function importExamples(install) {
	if (!existsSync(EXAMPLES)) return { added: [], kept: 0 };
	const files = readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.json'))
		.sort();
	if (!files.length) return { added: [], kept: 0 };
	const listed = await n8nCli(install, ['list:workflow', '--onlyId']);
	const existing = new Set(
		listed.stdout
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean),
	);
	const fresh = [];
	let kept = 0;
	for (const file of files) {
		let parsed;
		try {
			parsed = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8'));
		} catch (error) {
			say(`  (examples/${file} is not JSON: skipped — ${error.message})`);
			continue;
		}
		const workflows = Array.isArray(parsed) ? parsed : [parsed];
		workflows.forEach((workflow, index) => {
			if (!workflow || !Array.isArray(workflow.nodes) || !workflow.connections) return;
			// A stable id per example, so a re-run sees it is there (and keeps your edits to it).
			const id =
				workflow.id ??
				`ex${file.replace(/\.json$/, '').replace(/[^A-Za-z0-9]/g, '')}${index || ''}`.slice(0, 21);
			if (existing.has(id)) {
				kept++;
				return;
			}
			fresh.push({
				...workflow,
				id,
				name: workflow.name ?? file.replace(/\.json$/, ''),
				active: false,
			});
		});
	}
	if (fresh.length) {
		const file = path.join(SANDBOX, 'workflows.import.json');
		writeFileSync(file, JSON.stringify(fresh));
		const result = await n8nCli(install, ['import:workflow', `--input=${file}`]);
		rmSync(file, { force: true });
		if (result.status !== 0 || !/Successfully imported/.test(result.output))
			die(`n8n import:workflow failed:\n${result.output}`);
	}
	return { added: fresh.map((workflow) => workflow.name), kept };
}

// ---------------------------------------------------------------------------------------------------------
// 4. n8n start, owner, login
// ---------------------------------------------------------------------------------------------------------
const BASE = `http://${HOST}:${PORT}`;

async function http(method, url, body, headers = {}) {
	const response = await fetch(`${BASE}${url}`, {
		method,
		headers: { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, json, text, headers: response.headers };
}

async function waitHealthy(child, timeoutMs) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null || child.signalCode !== null) return false;
		try {
			const health = await http('GET', '/healthz/readiness');
			if (health.status === 200) {
				const settings = await http('GET', '/rest/settings');
				if (settings.status === 200) return true;
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return false;
}

async function ensureOwnerAndLogin() {
	const settings = (await http('GET', '/rest/settings')).json?.data;
	let created = false;
	if (settings?.userManagement?.showSetupOnFirstLoad) {
		const setup = await http('POST', '/rest/owner/setup', OWNER);
		if (setup.status !== 200)
			throw new Error(`owner setup failed (HTTP ${setup.status}): ${setup.text.slice(0, 500)}`);
		created = true;
	}
	const login = await http('POST', '/rest/login', {
		emailOrLdapLoginId: OWNER.email,
		password: OWNER.password,
	});
	return { created, loginOk: login.status === 200 };
}

function tailOf(file, lines = 40) {
	if (!existsSync(file)) return '';
	return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

async function main() {
	if (process.argv.includes('--reset')) {
		rmSync(SANDBOX, { recursive: true, force: true });
		say('• --reset: .sandbox removed');
	}
	mkdirSync(N8N_FOLDER, { recursive: true });
	if (await portInUse(PORT))
		die(
			`port ${PORT} is taken: is a sandbox (or another n8n) already running? Stop it, or set N8N_PORT.`,
		);

	const install = ensureN8n();
	const fakes = await startFakes();
	let n8n;
	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		say('\n• stopping n8n and the fakes…');
		if (n8n && n8n.exitCode === null && n8n.signalCode === null) {
			const exited = new Promise((resolve) => n8n.once('exit', resolve));
			try {
				process.kill(-n8n.pid, 'SIGTERM');
			} catch {
				n8n.kill('SIGTERM');
			}
			const timer = setTimeout(() => {
				try {
					process.kill(-n8n.pid, 'SIGKILL');
				} catch {
					// gone
				}
			}, 20_000);
			await exited;
			clearTimeout(timer);
		}
		await Promise.all(fakes.map(({ fake }) => fake.stop().catch(() => undefined)));
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

	try {
		for (const { vendor, fake } of fakes) say(`• fake ${vendor.name} on ${fake.url} (seeded)`);
		installPack();
		const credentials = await importCredentials(install, fakes);
		for (const credential of credentials)
			say(
				`• credential "${credential.name}" (${credential.type}, id ${credential.id}) → ${credential.data.baseUrl}`,
			);
		const examples = await importExamples(install);
		if (examples.added.length) say(`• example workflows imported: ${examples.added.join(', ')}`);
		if (examples.kept)
			say(`• ${examples.kept} example workflow(s) already in the sandbox: kept as they are`);

		say(`• starting n8n on ${BASE} (log: .sandbox/n8n.log)`);
		const log = createWriteStream(LOG_FILE, { flags: 'a' });
		log.write(`\n===== npm start ${new Date().toISOString()} =====\n`);
		n8n = spawn(install.nodeBin, [install.n8nMain, 'start'], {
			cwd: SANDBOX,
			env: n8nEnv(install, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true, // its own process group: Ctrl-C reaches this script, which stops n8n and its task runner
		});
		n8n.stdout.pipe(log, { end: false });
		n8n.stderr.pipe(log, { end: false });
		n8n.once('exit', (code, signal) => {
			if (stopping) return;
			process.stderr.write(
				`\nn8n exited (${code ?? signal}). Last log lines:\n${tailOf(LOG_FILE)}\n`,
			);
			stop(1);
		});

		if (!(await waitHealthy(n8n, 180_000))) {
			process.stderr.write(`\nn8n did not become healthy. Last log lines:\n${tailOf(LOG_FILE)}\n`);
			return stop(1);
		}
		const { created, loginOk } = await ensureOwnerAndLogin();
		say('');
		say('──────────────────────────────────────────────────────────────');
		say(` n8n sandbox is up: ${BASE}/`);
		say(
			` log in as  ${OWNER.email}  /  ${OWNER.password}${created ? '   (account just created)' : ''}`,
		);
		if (!loginOk)
			say(
				' (that login was refused: if you changed the password in the sandbox, use yours; `npm start -- --reset` starts over)',
			);
		say(
			` nodes: search ${orList(VENDORS.map((vendor) => `"${vendor.name}"`))} in the nodes panel (${pkg.name}, community package)`,
		);
		for (const { vendor, fake } of fakes) {
			say(` ${vendor.name}: fake at ${fake.url}, credential "${vendor.credential(fake).name}"`);
		}
		say(' Ctrl-C stops everything; data stays in .sandbox/ for the next `npm start`.');
		say('──────────────────────────────────────────────────────────────');
	} catch (error) {
		process.stderr.write(`\nnpm start: ${error?.message ?? error}\n`);
		await stop(1);
	}
}

main();
