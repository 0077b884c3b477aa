import { createHmac } from 'crypto';
import { isSameSecret } from '../shared/secrets';

/**
 * How Plannr signs a webhook delivery: `X-Signature` is the hex HMAC-SHA256 of the raw body with the
 * subscription's signing secret (validating-webhooks: "an HMAC-SHA256 hex digest of the raw request body,
 * keyed with your signing_secret"). Kept here alone.
 */
function signatureOf(rawBody: Buffer | string, signingSecret: string): string {
	return createHmac('sha256', signingSecret).update(rawBody).digest('hex');
}

/** Whether a delivery's signature is the one its body and the secret give, compared in constant time. */
export function isSignedBy(
	rawBody: Buffer | string,
	signature: unknown,
	signingSecret: string,
): boolean {
	if (typeof signature !== 'string' || signingSecret === '') return false;
	return isSameSecret(signature.trim().toLowerCase(), signatureOf(rawBody, signingSecret));
}
