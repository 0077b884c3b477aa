import { memoryKeyOf } from './memoryKey';

/** Sign-ins under way, by the hash of the account they sign in as. */
const signingIn = new Map<string, Promise<unknown>>();

/** The keys of the sign-ins under way (for tests: none may hold a password or secret). */
export function signInKeysHeld(): string[] {
	return [...signingIn.keys()];
}

/**
 * Runs `signIn` for an account unless a sign-in for it is already under way, in which case its answer is
 * shared: a credential without a token, used by many items at once, then signs in once, not once per item.
 */
export async function signInOnce<T>(account: unknown[], signIn: () => Promise<T>): Promise<T> {
	// Hashed: the account holds the password or app secret.
	const key = memoryKeyOf(JSON.stringify(account));
	const running = signingIn.get(key) as Promise<T> | undefined;
	if (running) return await running;
	const started = signIn().finally(() => signingIn.delete(key));
	signingIn.set(key, started);
	return await started;
}
