/**
 * Hubs: Get Many. Its Search is MileApp's `q`, which matches hub names only (openapi `/hubs`).
 */
import { NODE_TYPES } from '../harness/packTypes';
import { apiCalls, mileApp, useMileApp } from './setup';

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
});
