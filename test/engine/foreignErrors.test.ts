/**
 * Installed in n8n, the package may load its own copy of n8n-workflow: n8n's errors then fail `instanceof`
 * against the package's classes. The e2e runs caught the vendor's words giving way to n8n's generic text;
 * here an error of another copy (same name and fields, another class) is held to the same treatment.
 */
import type { INode } from 'n8n-workflow';
import { withVendorMessage } from '../../nodes/shared/errors';
import { failureKindOf, retryAfterMsOf } from '../../nodes/shared/vendorApiError';
import { oliverEnvelope } from '../../nodes/Oliver/api';

/** What n8n's own NodeApiError looks like from a package holding another copy of n8n-workflow. */
class ForeignNodeApiError extends Error {
	name = 'NodeApiError';
	constructor(
		readonly httpCode: string,
		readonly context: { data?: unknown },
		readonly cause?: unknown,
	) {
		super('The resource you are requesting could not be found');
	}
}

const node: INode = {
	id: '1',
	name: 'Oliver',
	type: 'n8n-nodes-taskbridge.oliver',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('an n8n error from another copy of n8n-workflow', () => {
	it('keeps the vendor’s own words', () => {
		const foreign = new ForeignNodeApiError('404', {
			data: { success: false, message: 'Staff task st_1 not found' },
		});
		const error = withVendorMessage(node, oliverEnvelope, foreign, 0) as Error;
		expect(error.message).toBe('Oliver: Staff task st_1 not found');
	});

	it('is told apart as refused, unsure or final, with its Retry-After', () => {
		const limited = new ForeignNodeApiError(
			'429',
			{},
			{ response: { headers: { 'retry-after': '7' } } },
		);
		expect(failureKindOf(limited)).toBe('refused');
		expect(retryAfterMsOf(limited)).toBe(7000);
		expect(failureKindOf(new ForeignNodeApiError('503', {}))).toBe('unsure');
		expect(failureKindOf(new ForeignNodeApiError('404', {}))).toBe('final');
		expect(failureKindOf(new Error('plain'))).toBe('final');
	});
});
