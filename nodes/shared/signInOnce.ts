/** Sign-ins under way, by the account they sign in as. */
const signingIn = new Map<string, Promise<unknown>>();

/**
 * Runs `signIn` for an account unless a sign-in for it is already under way, in which case its answer is
 * shared: a credential without a token, used by many items at once, then signs in once, not once per item.
 * The key stays in this process's memory, like the credential it comes from.
 */
export async function signInOnce<T>(account: unknown[], signIn: () => Promise<T>): Promise<T> {
	const key = JSON.stringify(account);
	const running = signingIn.get(key) as Promise<T> | undefined;
	if (running) return await running;
	const started = signIn().finally(() => signingIn.delete(key));
	signingIn.set(key, started);
	return await started;
}
