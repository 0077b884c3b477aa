/** The company: `/me`, `/employees`, `/employees/{id}`, `/positions` and `/locations` (read only). */
import { api, on } from './gates';
import { intParam, lookup } from './input';
import type { HumanityStore } from './store';
import { HUMANITY_API_PREFIX } from './types';
import { employeeViewOf, positionViewOf } from './views';

export function companyRoutes(fake: HumanityStore): void {
	const v2 = (path: string) => `${HUMANITY_API_PREFIX}${path}`;
	on(
		fake,
		'GET',
		v2('/me'),
		api(fake, (c) => ({ data: employeeViewOf(fake, c.user) })),
	);
	on(
		fake,
		'GET',
		v2('/employees'),
		api(fake, () => ({
			data: [...fake.employees.values()]
				.sort((a, b) => a.id - b.id)
				.map((e) => employeeViewOf(fake, e)),
		})),
	);
	on(
		fake,
		'GET',
		v2('/employees/:id'),
		api(fake, (c) => ({
			data: employeeViewOf(
				fake,
				lookup(fake, fake.employees, intParam(c.request.params.id, 'id'), 'get', 'Employee'),
			),
		})),
	);
	on(
		fake,
		'GET',
		v2('/positions'),
		api(fake, () => ({
			data: [...fake.positions.values()]
				.sort((a, b) => a.id - b.id)
				.map((p) => positionViewOf(fake, p)),
		})),
	);
	on(
		fake,
		'GET',
		v2('/locations'),
		api(fake, () => ({
			data: [...fake.locations.values()].sort((a, b) => a.id - b.id).map((l) => ({ ...l })),
		})),
	);
}
