import { createHash } from 'crypto';

/**
 * The key a long-lived map holds for material that may be a credential's secret (a customer key, a password):
 * its SHA-256, so that the map, which outlives every run, never holds the secret itself.
 */
export function memoryKeyOf(material: string): string {
	return createHash('sha256').update(material, 'utf8').digest('hex');
}
