import type { INodeListSearchResult } from 'n8n-workflow';
import { shownProperties } from './harness';
import { NodeHelpers, type IDataObject, type INode, type INodeProperties } from 'n8n-workflow';

/**
 * What the editor shows for a record's ID in each node version: from version 2 one resource locator (a list
 * first, then a typed mode), in version 1 its typed text box.
 */
export function idFieldByVersion(type: string, resource: string, operation: string, name: string) {
	const fields = (typeVersion: number) =>
		shownProperties(type, { resource, operation }, typeVersion).filter(
			(property) => property.name === name,
		);
	return {
		version2: fields(2).map((property) => [
			property.type,
			property.modes?.map((mode) => mode.name),
		]),
		version1: fields(1).map((property) => property.type),
	};
}

/** What every versioned ID field shows: a picker, list first, from version 2; text in version 1. */
export const PICKER_BY_VERSION = {
	version2: [['resourceLocator', ['list', 'id']]],
	version1: ['string'],
};

/** Every value a picker lists as the user scrolls to its end, and how many loads that took (10 at most). */
export async function everyPickerValue(
	load: (paginationToken?: string) => Promise<INodeListSearchResult>,
): Promise<{ values: string[]; loads: number }> {
	const values: string[] = [];
	let token: string | undefined;
	let loads = 0;
	do {
		const page = await load(token);
		values.push(...page.results.map((result) => String(result.value)));
		token = page.paginationToken as string | undefined;
		loads++;
	} while (token !== undefined && loads < 10);
	return { values, loads };
}

/**
 * What the editor offers at `path` inside a collection ("filters.hubId") or inside each entry of a fixed
 * collection ("tasks.task.shiftTaskId"), per node version, as idFieldByVersion reads a top-level field: a picker
 * from version 2, its typed box in version 1.
 */
export function nestedFieldByVersion(
	type: string,
	resource: string,
	operation: string,
	path: string,
) {
	const [collection, ...inner] = path.split('.');
	const name = inner[inner.length - 1];
	const offered = (typeVersion: number) => {
		let fields = shownProperties(type, { resource, operation }, typeVersion)
			.filter((property) => property.name === collection)
			.flatMap((property) => (property.options ?? []) as Array<INodeProperties & IDataObject>);
		if (inner.length === 2)
			fields = fields
				.filter((group) => group.name === inner[0])
				.flatMap((group) => (group.values ?? []) as Array<INodeProperties & IDataObject>);
		return fields.filter(
			(field) =>
				field.name === name &&
				NodeHelpers.displayParameter({}, field, { typeVersion } as INode, null),
		);
	};
	return {
		version2: offered(2).map((field) => [field.type, field.modes?.map((mode) => mode.name)]),
		version1: offered(1).map((field) => field.type),
	};
}

/** The order in which the editor shows `names` (a picker and the field above that narrows its list), per version. */
export function fieldOrderByVersion(
	type: string,
	resource: string,
	operation: string,
	names: string[],
) {
	const shown = (typeVersion: number) =>
		shownProperties(type, { resource, operation }, typeVersion)
			.map((property) => property.name)
			.filter((name) => names.includes(name));
	return { version2: shown(2), version1: shown(1) };
}

/**
 * What stops a run, in words: n8n's refusal before the node runs (a typed value against its mode's rule, thrown)
 * or the node's own error (a value from an expression, known only on run).
 */
export async function refusalMessage(
	run: () => Promise<{ error?: { message: string } }>,
): Promise<string | undefined> {
	try {
		return (await run()).error?.message;
	} catch (issues) {
		return (issues as Error).message;
	}
}
