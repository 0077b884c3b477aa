/**
 * The maps the pack keeps for the life of the n8n process (Open Dental's pacing per customer key, Plannr's rate
 * limit per account, the sign-ins under way per account and password) hold SHA-256 hashes of their keys, never
 * the credential material itself: a heap dump or a debugger must not show a customer key or a password.
 */
import { createHash } from 'node:crypto';
import { oneAtATime, pacingKeysHeld } from '../../nodes/shared/pacing';
import { RateLimitTracker } from '../../nodes/shared/rateLimit';
import { signInKeysHeld, signInOnce } from '../../nodes/shared/signInOnce';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const CUSTOMER_KEY = 'od-customer-key-Vx81kQ';
const PASSWORD = 'correct-horse-battery-staple';
const APP_SECRET = 'humanity-app-secret-93f1';

/** Every key is a hex SHA-256, and none holds any of `secrets`. */
function expectHashedKeys(keys: string[], secrets: string[]) {
	expect(keys.length).toBeGreaterThan(0);
	for (const key of keys) {
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		for (const secret of secrets) expect(key).not.toContain(secret);
	}
}

it("Open Dental's pacing is kept per hashed customer key, and still spaces that key's requests", async () => {
	// As nodes/OpenDental/requests.ts paces a Remote credential.
	const key = `open-dental:${CUSTOMER_KEY}`;
	const answeredAt: number[] = [];
	const send = async () => answeredAt.push(Date.now());
	await Promise.all([oneAtATime(key, 200, send), oneAtATime(key, 200, send)]);

	expectHashedKeys(pacingKeysHeld(), [CUSTOMER_KEY]);
	expect(pacingKeysHeld()).toContain(sha256(key));
	expect(answeredAt[1] - answeredAt[0]).toBeGreaterThanOrEqual(190);
});

it("a rate limit tracker keeps its state per hashed key, and a used-up window still spaces that key's requests", async () => {
	const tracker = new RateLimitTracker({ windowMs: 1000, defaultLimit: 2 });
	const token = 'plannr-personal-access-token-51c';
	await tracker.send(token, async () => 'answered');
	tracker.noteHeaders(
		token,
		{ 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '2' },
		{ remaining: 'x-ratelimit-remaining', limit: 'x-ratelimit-limit' },
	);

	expectHashedKeys(tracker.keysHeld(), [token]);
	expect(tracker.keysHeld()).toEqual([sha256(token)]);
	// The window is used up: the next request for the same key waits for its slot (1000 ms / 2).
	const before = Date.now();
	await tracker.send(token, async () => 'answered');
	expect(Date.now() - before).toBeGreaterThanOrEqual(400);
});

it('a sign-in under way is known by the hash of its account, and is still shared by concurrent callers', async () => {
	// As credentials/HumanityApi.credentials.ts signs in: token URL, app id and secret, username and password.
	const account = ['https://example.test/oauth2/token.php', 'app-1', APP_SECRET, 'ops', PASSWORD];
	let finish: (token: string) => void = () => {};
	let signIns = 0;
	const signIn = () => {
		signIns++;
		return new Promise<string>((resolve) => (finish = resolve));
	};
	const first = signInOnce(account, signIn);
	const second = signInOnce(account, signIn);

	expectHashedKeys(signInKeysHeld(), [APP_SECRET, PASSWORD]);
	expect(signInKeysHeld()).toEqual([sha256(JSON.stringify(account))]);
	finish('token-1');
	expect(await Promise.all([first, second])).toEqual(['token-1', 'token-1']);
	expect(signIns).toBe(1);
	expect(signInKeysHeld()).toEqual([]);
});
