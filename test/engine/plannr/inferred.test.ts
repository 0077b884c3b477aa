/**
 * The node against each answer of the fake's [inferred] options that no other engine test runs both ways:
 * what Plannr receives and what n8n outputs must not depend on which answer the real Plannr gives.
 */
import type { IDataObject } from 'n8n-workflow';
import type { PlannrFakeOptions } from '../../fakes/plannr';
import { loadOptions } from '../harness';
import {
	addTask,
	calls,
	credentialId,
	doing,
	done,
	engine,
	fake,
	james,
	ok,
	priya,
	plannr,
	queryOf,
	rl,
	spec,
	todo,
	tom,
	transfer,
	usePlannr,
	v1,
	withOptions,
} from './setup';

usePlannr();

/** The first answer of each option below is its default (the stricter one), the second the other. */
describe.each<[string, PlannrFakeOptions]>([
	[
		'per_page above 500 refused, nonsense paging refused, links without the query, unknown names refused',
		{
			perPageAboveMax: 'reject',
			invalidPaging: 'reject',
			linksKeepQuery: false,
			unknownQueryParams: 'reject',
		},
	],
	[
		'per_page clamped, nonsense paging defaulted, links with the query, unknown names ignored',
		{
			perPageAboveMax: 'clamp',
			invalidPaging: 'default',
			linksKeepQuery: true,
			unknownQueryParams: 'ignore',
		},
	],
])('[inferred] paging and query names: a Plannr with %s', (_answers, options) => {
	it('Return All with a filter, a sort and an include reads each page once, at per_page 500', async () => {
		for (let i = 0; i < 520; i++)
			addTask({ name: `Task ${String(i).padStart(3, '0')}`, priority: 'high' });
		addTask({ name: 'Low one', priority: 'low' });

		const items = await withOptions(options, () =>
			ok({
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { priority: 'high' },
				options: { sort: 'name', include: ['author'] },
			}),
		);

		expect(items.map((item) => item.name)).toEqual(
			Array.from({ length: 520 }, (_, i) => `Task ${String(i).padStart(3, '0')}`),
		);
		const sent = { 'filter[priority]': 'high', sort: 'name', include: 'author', per_page: '500' };
		expect(fake.requests.map(queryOf)).toEqual([
			{ ...sent, page: '1' },
			{ ...sent, page: '2' },
		]);
	});
});

describe.each<PlannrFakeOptions['openTasksFalse']>(['closed', 'all'])(
	'[inferred] openTasksFalse %s',
	(openTasksFalse) => {
		it('Get Many with Open Tasks Only off sends no open_tasks filter and outputs open and completed tasks', async () => {
			addTask({ name: 'Annual review' });
			addTask({ name: 'Filed', status_uuid: done.uuid });

			const items = await withOptions({ openTasksFalse }, () =>
				ok({
					resource: 'task',
					operation: 'getAll',
					returnAll: true,
					filters: { openTasks: false },
				}),
			);

			expect(queryOf(fake.requests[0])).toEqual({ page: '1', per_page: '500' });
			expect(items.map((item) => item.name)).toEqual(['Annual review', 'Filed']);
		});
	},
);

// [inferred] exactFilterLists: no page says filter[assigned_to_uuids] takes a comma list. The node sends one
// assignee, which finds that assignee's tasks whether Plannr splits commas or not; several are refused.
describe.each<[string, PlannrFakeOptions]>([
	['a comma list taken whole (exactFilterLists single)', { exactFilterLists: 'single' }],
	[
		'a comma list split, any assignee matching (exactFilterLists comma, assignedFilterMatch any)',
		{ exactFilterLists: 'comma', assignedFilterMatch: 'any' },
	],
	[
		'a comma list split, every assignee needed (exactFilterLists comma, assignedFilterMatch all)',
		{ exactFilterLists: 'comma', assignedFilterMatch: 'all' },
	],
])('[inferred] assignee filter against a Plannr with %s', (_answer, options) => {
	beforeEach(() => {
		addTask({ name: 'Review', assigned_to_uuids: [james.uuid] });
		addTask({
			name: 'Pack',
			taskable_type: 'case',
			taskable_uuid: transfer.uuid,
			assigned_to_uuids: [james.uuid, priya.uuid],
		});
		addTask({ name: 'Valuation', assigned_to_uuids: [priya.uuid] });
	});
	const getAll = (assignedToUuids: string[]) =>
		withOptions(options, () =>
			plannr({
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { assignedToUuids },
			}),
		);

	it('Get Many with one assignee sends that uuid alone and outputs exactly that assignee’s tasks', async () => {
		const { items, error } = await getAll([priya.uuid]);

		expect(error).toBeUndefined();
		expect(queryOf(fake.requests[0])['filter[assigned_to_uuids]']).toBe(priya.uuid);
		expect(items.map((item) => item.json.name)).toEqual(['Pack', 'Valuation']);
	});

	it('Get Many with several assignees is refused naming the field, and Plannr receives no request', async () => {
		const { items, error } = await getAll([james.uuid, priya.uuid]);

		expect(error?.message).toContain('"Assignee Names or IDs" takes one assignee');
		expect(error?.message).toContain('run the node once per assignee');
		expect(items).toEqual([]);
		expect(fake.requests).toEqual([]);
	});
});

describe.each<[string, PlannrFakeOptions, string[]]>([
	[
		'clientFilterScope client-and-children',
		{ clientFilterScope: 'client-and-children' },
		['Review', 'Pack'],
	],
	['clientFilterScope client-only', { clientFilterScope: 'client-only' }, ['Review']],
])('[inferred] %s', (_answer, options, listed) => {
	it('Get Many sends the filter as given and outputs the tasks Plannr matched', async () => {
		addTask({ name: 'Review' });
		addTask({ name: 'Pack', taskable_type: 'case', taskable_uuid: transfer.uuid });

		const items = await withOptions(options, () =>
			ok({
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { clientUuid: tom.uuid },
			}),
		);

		expect(queryOf(fake.requests[0])['filter[client_uuid]']).toBe(tom.uuid);
		expect(items.map((item) => item.name)).toEqual(listed);
	});
});

describe.each<[PlannrFakeOptions['nameFilterMatch'], string[]]>([
	['exact', ['Annual review']],
	['partial', ['Annual review', 'Annual review pack']],
])('[inferred] nameFilterMatch %s', (nameFilterMatch, listed) => {
	it('Get Many with Name sends it as filter[name] and outputs the tasks Plannr matched, no more', async () => {
		addTask({ name: 'Annual review' });
		addTask({ name: 'Annual review pack' });
		addTask({ name: 'ID documents' });

		const items = await withOptions({ nameFilterMatch }, () =>
			ok({
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { name: 'Annual review' },
			}),
		);

		expect(queryOf(fake.requests[0])['filter[name]']).toBe('Annual review');
		expect(items.map((item) => item.name)).toEqual(listed);
	});
});

describe.each<
	[PlannrFakeOptions['relationsWithoutInclude'], PlannrFakeOptions['customFieldsShown']]
>([
	['always', 'set'],
	['only-when-included', 'all'],
])(
	'[inferred] a task answering its relations %s and the custom fields %s',
	(relationsWithoutInclude, customFieldsShown) => {
		it('Update of the name alone sends back the custom fields set, no empty one, and keeps them', async () => {
			const task = addTask({
				name: 'Send pack',
				custom_fields: { compliance_check: 'Pending' },
				assigned_to_uuids: [james.uuid],
			});

			await withOptions({ relationsWithoutInclude, customFieldsShown }, () =>
				ok({
					resource: 'task',
					operation: 'update',
					taskUuid: rl(task.uuid),
					updateFields: { name: 'Send valuation pack' },
				}),
			);

			const put = fake.requests.find((request) => request.method === 'PUT')!;
			expect(put.body).toMatchObject({
				name: 'Send valuation pack',
				assigned_to_uuids: [james.uuid],
			});
			expect((put.body as IDataObject).custom_fields).toEqual({ compliance_check: 'Pending' });
			expect(fake.tasks.get(task.uuid)!.custom_fields).toEqual({ compliance_check: 'Pending' });
		});
	},
);

describe.each<PlannrFakeOptions['dueAtFormat']>(['strict', 'lenient'])(
	'[inferred] dueAtFormat %s',
	(dueAtFormat) => {
		it('Create with a due date sends yyyy-MM-dd HH:mm:ss, which Plannr takes', async () => {
			const [created] = await withOptions({ dueAtFormat }, () =>
				ok({
					resource: 'task',
					operation: 'create',
					name: 'Annual review',
					taskableType: 'client',
					taskableUuid: tom.uuid,
					taskStatusUuid: todo.uuid,
					additionalFields: { dueAt: '2026-03-10T14:00:00' },
				}),
			);

			expect((fake.requests[0].body as IDataObject).due_at).toBe('2026-03-10 14:00:00');
			expect(created.due_at).toBe('2026-03-10 14:00:00');
		});
	},
);

describe.each<PlannrFakeOptions['acceptPatchForUpdate']>([false, true])(
	'[inferred] acceptPatchForUpdate %s',
	(acceptPatchForUpdate) => {
		it('Update and Task Status: Update send PUT, the documented method', async () => {
			const task = addTask({ name: 'Send pack' });

			await withOptions({ acceptPatchForUpdate }, async () => {
				await ok({
					resource: 'task',
					operation: 'update',
					taskUuid: rl(task.uuid),
					updateFields: { priority: 'low' },
				});
				await ok({
					resource: 'taskStatus',
					operation: 'update',
					statusUuid: rl(doing.uuid),
					updateFields: { name: 'Under way' },
				});
			});

			expect(calls().filter((call) => !call.startsWith('GET'))).toEqual([
				`PUT ${v1(`/task/${task.uuid}`)}`,
				`PUT ${v1(`/task-status/${doing.uuid}`)}`,
			]);
			expect(fake.tasks.get(task.uuid)!.priority).toBe('low');
			expect(fake.statuses.get(doing.uuid)!.name).toBe('Under way');
		});
	},
);

describe.each<[PlannrFakeOptions['accountHeaderFailureStatus'], string]>([
	[403, 'Plannr: This action is unauthorized.'],
	[401, 'Plannr: Unauthenticated.'],
])('[inferred] accountHeaderFailureStatus %s', (accountHeaderFailureStatus, shown) => {
	it('an account that is not the user’s fails with Plannr’s status and words', async () => {
		engine.credentials.update(credentialId, { ...fake.credentialData(), accountUuid: tom.uuid });

		const { error } = await withOptions({ accountHeaderFailureStatus }, () =>
			plannr({ resource: 'taskStatus', operation: 'getAll' }),
		);

		expect([error?.httpCode, error?.message]).toEqual([String(accountHeaderFailureStatus), shown]);
	});
});

describe.each<PlannrFakeOptions['requireAcceptJson']>([true, false])(
	'[inferred] requireAcceptJson %s',
	(requireAcceptJson) => {
		it('a wrong token is Plannr’s JSON 401, never a redirect: the node asks for JSON', async () => {
			engine.credentials.update(credentialId, {
				...fake.credentialData(),
				accessToken: 'PAT-Revoked-4242',
			});

			const { error } = await withOptions({ requireAcceptJson }, () =>
				plannr({ resource: 'taskStatus', operation: 'getAll' }),
			);

			expect([error?.httpCode, error?.message]).toEqual(['401', 'Plannr: Unauthenticated.']);
		});
	},
);

describe.each<PlannrFakeOptions['uncompleteToCompletedStatus']>(['reject', 'allow'])(
	'[inferred] uncompleteToCompletedStatus %s',
	(uncompleteToCompletedStatus) => {
		it('Reopen’s status list offers no completed-type status; Reopen to its first one reopens the task', async () => {
			const task = addTask({ name: 'Send pack', status_uuid: done.uuid });

			const [reopened] = await withOptions({ uncompleteToCompletedStatus }, async () => {
				const offered = await loadOptions(engine, spec({}), 'getOpenStatuses');
				expect(offered.map((option) => option.name)).toEqual(['To do', 'In progress']);
				return await ok({
					resource: 'task',
					operation: 'reopen',
					taskUuid: rl(task.uuid),
					reopenStatusUuid: offered[0].value,
				});
			});

			expect(reopened).toMatchObject({ uuid: task.uuid, status: { uuid: todo.uuid } });
			expect(fake.tasks.get(task.uuid)!.completed_at).toBeNull();
		});
	},
);

// [inferred] validationMessages (no sheet line decides Plannr's wording): the fake's words are read at its start,
// so the test swaps them on the running fake and puts them back.
describe.each<[string, Partial<PlannrFakeOptions['validationMessages']>, string]>([
	[
		'Laravel’s words (default)',
		{},
		'The selected task status uuid is a completed status: a task is uncompleted to an open status.',
	],
	['other words', { not_completed_status: 'Pick an open status.' }, 'Pick an open status.'],
])('[inferred] validationMessages: %s', (_words, validationMessages, shown) => {
	it('a 422 on Reopen to a completed-type status shows the field and Plannr’s own words', async () => {
		const task = addTask({ name: 'Send pack', status_uuid: done.uuid });
		const saved = { ...fake.messages };
		Object.assign(fake.messages, validationMessages);
		try {
			const { error } = await plannr({
				resource: 'task',
				operation: 'reopen',
				taskUuid: rl(task.uuid),
				reopenStatusUuid: done.uuid,
			});
			expect([error?.httpCode, error?.message]).toEqual([
				'422',
				`Plannr: task_status_uuid: ${shown}`,
			]);
		} finally {
			Object.assign(fake.messages, saved);
		}
	});
});

describe('[inferred] task statuses', () => {
	const missing = '57a70000-0000-4000-8000-0000000000ff';

	it.each<[PlannrFakeOptions['unknownStatusAnswer'], string]>([
		[404, `No query results for model [App\\Models\\TaskStatus] ${missing}`],
		[422, 'task_status_uuid: The selected task status uuid is invalid.'],
	])(
		'[inferred] unknownStatusAnswer %s: Task Status Update of a status that does not exist, and Reopen to one, fail with Plannr’s status and words; nothing changes',
		async (unknownStatusAnswer, words) => {
			const task = addTask({
				name: 'Filed',
				status_uuid: done.uuid,
				completed_at: '2026-02-21 10:00:00',
			});
			const runs = await withOptions({ unknownStatusAnswer }, async () => [
				await plannr({
					resource: 'taskStatus',
					operation: 'update',
					statusUuid: missing,
					updateFields: { name: 'x' },
				}),
				await plannr({
					resource: 'task',
					operation: 'reopen',
					taskUuid: rl(task.uuid),
					reopenStatusUuid: missing,
				}),
			]);

			for (const { error, items } of runs) {
				expect(error?.httpCode).toBe(String(unknownStatusAnswer));
				expect(error?.message).toBe(`Plannr: ${words}`);
				expect(items).toEqual([]);
			}
			expect(fake.tasks.get(task.uuid)!.status_uuid).toBe(done.uuid);
		},
	);

	it.each<[PlannrFakeOptions['statusNameMaxLength']]>([[255], [null]])(
		'[inferred] statusNameMaxLength %s: Task Status Create sends a 256-character name whole; Plannr’s refusal names the field, or the status is output',
		async (statusNameMaxLength) => {
			const name = 'x'.repeat(256);
			const { error, items } = await withOptions({ statusNameMaxLength }, () =>
				plannr({ resource: 'taskStatus', operation: 'create', name }),
			);

			expect(fake.requests.map((request) => request.body)).toEqual([{ name }]);
			if (statusNameMaxLength === null) {
				expect(error).toBeUndefined();
				expect(items.map((item) => item.json.name)).toEqual([name]);
			} else {
				expect(error?.message).toBe(
					'Plannr: name: The name field must not be greater than 255 characters.',
				);
			}
		},
	);

	it.each<[PlannrFakeOptions['newStatusColour']]>([['#398898'], [null]])(
		'[inferred] newStatusColour %s: Task Status Create without a Colour sends none and outputs the colour Plannr gave',
		async (newStatusColour) => {
			const items = await withOptions({ newStatusColour }, () =>
				ok({ resource: 'taskStatus', operation: 'create', name: 'Parked' }),
			);

			expect(fake.requests.map((request) => request.body)).toEqual([{ name: 'Parked' }]);
			expect(items.map((item) => item.colour)).toEqual([newStatusColour]);
		},
	);

	it.each<[PlannrFakeOptions['completedStatusSameDetails']]>([['reject'], ['allow']])(
		'[inferred] completedStatusSameDetails %s: Task Status Update of a completed-type status with its own name and a position sends both; Plannr’s refusal is shown, or the position saved',
		async (completedStatusSameDetails) => {
			const { error, items } = await withOptions({ completedStatusSameDetails }, () =>
				plannr({
					resource: 'taskStatus',
					operation: 'update',
					statusUuid: done.uuid,
					updateFields: { name: done.name, position: 7 },
				}),
			);

			expect(fake.requests.map((request) => request.body)).toEqual([
				{ name: done.name, position: 7 },
			]);
			if (completedStatusSameDetails === 'allow') {
				expect(error).toBeUndefined();
				expect(items.map((item) => item.json.position)).toEqual([7]);
			} else {
				expect(error?.message).toBe(
					'Plannr: name: The name of a completed status cannot be changed: only its position can.',
				);
				expect(fake.statuses.get(done.uuid)!.position).not.toBe(7);
			}
		},
	);

	it.each<[PlannrFakeOptions['statusPositionMin']]>([[0], [null]])(
		'[inferred] statusPositionMin %s: Task Status Update with Position -1 is refused by the node, naming the field, before any request',
		async (statusPositionMin) => {
			const { error } = await withOptions({ statusPositionMin }, () =>
				plannr({
					resource: 'taskStatus',
					operation: 'update',
					statusUuid: done.uuid,
					updateFields: { position: '={{ -1 }}' },
				}),
			);

			expect(error?.message).toContain('"Position"');
			expect(fake.requests).toEqual([]);
		},
	);
});
