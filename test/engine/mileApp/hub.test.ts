/**
 * Hubs: Get Many. Its Search is MileApp's `q`, which matches hub names only (openapi `/hubs`).
 */
import { NODE_TYPES } from '../harness/packTypes';
import { apiCalls, mileApp, useMileApp, withFakeOf } from './setup';

useMileApp();

describe('flow and hub', () => {
	const search = (text: string) =>
		mileApp({ resource: 'hub', operation: 'getAll', returnAll: true, search: text });

	it('Hub Get Many searches by name; an address matches nothing, as MileApp documents', async () => {
		const byName = await search('band');
		expect(byName.items.map((item) => item.json.name)).toEqual(['Bandung']);
		expect(apiCalls()[0].query).toMatchObject({ q: 'band' });
		// Bandung's address: MileApp's q does not search addresses.
		const byAddress = await search('asia afrika');
		expect(byAddress.error).toBeUndefined();
		expect(byAddress.items).toEqual([]);
	});

	it('the Search field says it matches names only', () => {
		const field = NODE_TYPES.mileApp.description.properties.find(
			(property) => property.name === 'search',
		)!;
		expect(field.description).toBe(
			'Only hubs whose name contains this (MileApp does not search addresses)',
		);
	});

	it.each([20, 1])(
		'[inferred] hubsDefaultLimit %i (no sheet line decides): Return All and a Limit send their own limit, so the hubs are the same',
		async (hubsDefaultLimit) => {
			await withFakeOf({ hubsDefaultLimit }, async (other, run) => {
				for (const name of ['Surabaya', 'Medan', 'Makassar']) other.addHub({ name });
				const all = await run({ resource: 'hub', operation: 'getAll', returnAll: true });
				expect(all.items.map((item) => item.json.name)).toEqual([
					'Jakarta Central',
					'Bandung',
					'Surabaya',
					'Medan',
					'Makassar',
				]);
				const three = await run({
					resource: 'hub',
					operation: 'getAll',
					returnAll: false,
					limit: 3,
				});
				expect(three.items.map((item) => item.json.name)).toEqual([
					'Jakarta Central',
					'Bandung',
					'Surabaya',
				]);
				expect(other.requests.every((request) => request.query.limit !== undefined)).toBe(true);
			});
		},
	);
});
