/**
 * Keeping secrets out of messages: the one rule, for the tests and `npm start` alike. A value is redacted
 * (replaced by ***) when it sits in a field whose name looks secret (`looksSecret` of the secret scan:
 * password, token, secret, apiKey, ...) and has 3 characters or more, or when it was registered by hand.
 * This is about what a message shows; which leaks fail a test is the secret scan's business (secretScan.ts).
 */
import { looksSecret } from '../secretScan';

/** Values shorter than this are not redacted: they would blank out ordinary words. */
const MIN_REDACTED_LENGTH = 3;

/** The values of secret-looking fields in some data (nested objects and arrays too), added to `into`. */
function secretValues(data: unknown, into: Set<string>, key = ''): void {
	if (typeof data === 'string') {
		if (looksSecret(key) && data.length >= MIN_REDACTED_LENGTH) into.add(data);
	} else if (Array.isArray(data)) {
		for (const value of data) secretValues(value, into, key);
	} else if (data && typeof data === 'object') {
		for (const [name, value] of Object.entries(data)) secretValues(value, into, name);
	}
}

/** The secrets known so far, and text with every one of them replaced by ***. */
export class Redactor {
	private readonly secrets = new Set<string>();

	constructor(secrets: Iterable<string> = []) {
		for (const secret of secrets) this.add(secret);
	}

	/** A value never to be shown. */
	add(value: string): void {
		if (value && value.length >= MIN_REDACTED_LENGTH) this.secrets.add(value);
	}

	/** The secret-looking fields of some data (e.g. a credential's `data`). */
	addSecretsOf(data: unknown): void {
		secretValues(data, this.secrets);
	}

	/** The text with every known secret replaced by *** (longest first, so one inside another goes whole). */
	redact(text: string): string {
		let out = text;
		for (const secret of [...this.secrets].sort((a, b) => b.length - a.length))
			out = out.split(secret).join('***');
		return out;
	}
}
