/**
 * The bad-input sweep's cases (issue 8): for every operation of every action node, a valid parameter set and,
 * for each field the operation takes, the kinds of bad input that fit it (empty, wrong type, malformed date,
 * over the vendor's limit). Operations and fields are read from the node's own description at run time, so a
 * new operation or field without a plan here is reported, not skipped (see `coverageProblems`).
 *
 * Every bad value but one is given as n8n hands a node mapped data (an expression `={{ … }}`), which is what an
 * AI agent or an upstream node sends and what n8n's editor checks never see: the node's own checks must refuse
 * it. The one exception is "empty", also given as a field left blank in the editor, which n8n itself refuses
 * before the node runs when the field is marked required.
 */
import type {
	IDataObject,
	INodeProperties,
	INodePropertyCollection,
	INodeTypeDescription,
} from 'n8n-workflow';

/** Kinds of wrong type, each with the value sent and how the report names it. */
const WRONG_TYPES = {
	wholeNumber: { value: 'twelve', what: 'text where a whole number is needed' },
	uuid: { value: 12345, what: 'a number where a UUID is needed' },
	ulid: { value: 42, what: 'a number where a ULID is needed' },
	email: { value: 'dewi', what: 'text that is not an email address' },
	option: { value: 'not-an-option', what: 'a value that is none of its options' },
	idText: {
		value: { id: 'x1', name: 'A whole record' },
		what: 'a whole record (an object) where an ID is needed',
	},
	uuids: { value: 12345, what: 'a number in a list of UUIDs' },
	wholeNumbers: { value: 'twelve', what: 'text in a list of whole-number IDs' },
	color: { value: 'green', what: 'a colour name where a hex colour is needed' },
	number: { value: 'four', what: 'text where a number is needed' },
} as const;
type WrongType = keyof typeof WRONG_TYPES;

const MALFORMED_DATES = ['31/02/2026 25:99', 'next tuesday-ish'] as const;

/** What the sweep tries on one field. */
export interface FieldPlan {
	/** Required: empty (left blank in the editor, and mapped), and whitespace only. A collection: no field added. */
	required?: boolean;
	/** Optional, but once added it cannot be empty: empty and whitespace only. */
	notBlank?: boolean;
	wrongType?: WrongType;
	/** A date or time: each of MALFORMED_DATES. */
	date?: boolean;
	/** The vendor's maximum length: one character more. */
	maxLength?: number;
	/** Parameters the field needs around it to be read (e.g. Return All off for Limit), as paths. */
	with?: IDataObject;
	/** Why no bad-input case applies to this field. */
	none?: string;
}

/** A field of a resource mapper (MileApp's flow fields), as the editor saves it in the mapper's schema. */
export interface MapperField {
	id: string;
	displayName: string;
	type: 'string' | 'number' | 'options' | 'dateTime';
	required: boolean;
	options?: Array<{ name: string; value: string }>;
}

export interface OperationPlan<World> {
	/** A valid parameter set for the operation, from the seeded fake. */
	base: (world: World) => IDataObject;
	/** Keyed by the field's path: `name`, `collection.name`, or `fixedCollection.group.name`. */
	fields: Record<string, FieldPlan>;
	/** A resource mapper's fields and whether they are required (Create) or not (Update). */
	mapper?: { path: string; fields: MapperField[] };
}

type CaseKind =
	| 'empty'
	| 'empty (mapped)'
	| 'whitespace only'
	| 'wrong type'
	| 'malformed date'
	| 'over the limit'
	| 'no field added';

export interface BadInputCase {
	resource: string;
	operation: string;
	/** The field's path in the parameters. */
	field: string;
	/** The field as the editor shows it (for collections: the collection's entry). */
	label: string;
	/** Names an error may call the field by: its display name (and n8n's " Name or ID" suffix left off). */
	names: string[];
	kind: CaseKind;
	/** The bad value as the node receives it (after n8n resolved the expression), as the report shows it. */
	value: string;
	/** What is wrong with it, in words (for a wrong type). */
	what: string;
	/** Whether it reaches the node as an expression (mapped data) or as typed in the editor. */
	mapped: boolean;
	/** Whether n8n's own editor checks may refuse it first (a required field left blank in the editor). */
	editorMayRefuse: boolean;
	apply: (parameters: IDataObject) => IDataObject;
}

// ---- reading the node's description ----

interface FieldInfo {
	path: string;
	displayName: string;
	type: string;
	names: string[];
}

/** The operations of every resource, from the node's Resource and Operation options. */
export function operationsOf(
	description: INodeTypeDescription,
): Array<{ resource: string; operation: string }> {
	const resourceProperty = description.properties.find((property) => property.name === 'resource');
	const resources = (resourceProperty?.options ?? []).map((option) =>
		String((option as { value: unknown }).value),
	);
	const found: Array<{ resource: string; operation: string }> = [];
	for (const resource of resources) {
		for (const property of description.properties) {
			if (
				property.name !== 'operation' ||
				!(property.displayOptions?.show?.resource ?? []).includes(resource)
			)
				continue;
			for (const option of property.options ?? [])
				found.push({ resource, operation: String((option as { value: unknown }).value) });
		}
	}
	return found;
}

function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	if (show?.resource && !show.resource.includes(resource)) return false;
	if (show?.operation && !show.operation.includes(operation)) return false;
	return true;
}

/** n8n's lint makes dynamic dropdowns end in "Name or ID"; the field's own name is what comes before. */
function namesFor(displayName: string): string[] {
	const bare = displayName.replace(/ Names? or IDs?$/, '');
	return bare === displayName ? [displayName] : [displayName, bare];
}

/** Every field an operation takes: top-level parameters, each option of a collection, each value of a fixed collection. */
export function fieldsOf(
	description: INodeTypeDescription,
	resource: string,
	operation: string,
): FieldInfo[] {
	const fields = new Map<string, FieldInfo>();
	const add = (field: FieldInfo) => fields.set(field.path, field);
	for (const property of description.properties) {
		if (['resource', 'operation'].includes(property.name) || property.type === 'notice') continue;
		if (!shownFor(property, resource, operation)) continue;
		add({
			path: property.name,
			displayName: property.displayName,
			type: property.type,
			names: namesFor(property.displayName),
		});
		if (property.type === 'collection') {
			for (const option of (property.options ?? []) as INodeProperties[]) {
				add({
					path: `${property.name}.${option.name}`,
					displayName: option.displayName,
					type: option.type,
					names: namesFor(option.displayName),
				});
			}
		}
		if (property.type === 'fixedCollection') {
			for (const group of (property.options ?? []) as INodePropertyCollection[]) {
				for (const value of group.values) {
					const inList = (name: string) => `${property.displayName} 1: ${name}`;
					add({
						path: `${property.name}.${group.name}.${value.name}`,
						displayName: value.displayName,
						type: value.type,
						names: namesFor(value.displayName).map(inList),
					});
				}
			}
		}
	}
	return [...fields.values()];
}

/** Operations without a base case, fields without a plan, and plans for fields the operation does not have. */
export function coverageProblems(
	description: INodeTypeDescription,
	plans: Record<string, OperationPlan<never>>,
): string[] {
	const problems: string[] = [];
	const known = new Set<string>();
	for (const { resource, operation } of operationsOf(description)) {
		const key = `${resource}.${operation}`;
		known.add(key);
		const plan = plans[key];
		if (!plan) {
			problems.push(`${key}: no valid base case written for this operation`);
			continue;
		}
		const fields = fieldsOf(description, resource, operation);
		for (const field of fields) {
			// A collection's own entry needs a plan only when it must hold something; its fields always do.
			const container =
				field.type === 'collection' ||
				(field.type === 'fixedCollection' && !field.path.includes('.'));
			if (!plan.fields[field.path] && !container)
				problems.push(`${key}: no plan for the field "${field.displayName}" (${field.path})`);
		}
		for (const path of Object.keys(plan.fields)) {
			if (!fields.some((field) => field.path === path))
				problems.push(`${key}: a plan for "${path}", which this operation does not have`);
		}
		if (
			plan.mapper &&
			!fields.some((field) => field.path === plan.mapper!.path && field.type === 'resourceMapper')
		) {
			problems.push(
				`${key}: a mapper plan for "${plan.mapper.path}", which is not a resource mapper of this operation`,
			);
		}
	}
	for (const key of Object.keys(plans))
		if (!known.has(key))
			problems.push(`${key}: a base case for an operation the node does not have`);
	return problems;
}

// ---- making the cases ----

/** A value as mapped data gives it: an n8n expression that resolves to exactly this value. */
function mapped(value: unknown): string {
	const literal = JSON.stringify(value);
	return `={{ ${value !== null && typeof value === 'object' && !Array.isArray(value) ? `(${literal})` : literal} }}`;
}

const isLocator = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && (value as IDataObject).__rl === true;

/** Sets the value at a path; a resource locator keeps its mode and takes the value; a fixed collection's first entry is used. */
function setAt(parameters: IDataObject, path: string, value: unknown): IDataObject {
	const copy = JSON.parse(JSON.stringify(parameters)) as IDataObject;
	const keys = path.split('.');
	let target: IDataObject = copy;
	for (const key of keys.slice(0, -1)) {
		let next = target[key];
		if (Array.isArray(next)) next = next[0];
		if (next === undefined || next === null || typeof next !== 'object') {
			next = {};
			target[key] = next;
		}
		target = next as IDataObject;
	}
	const last = keys[keys.length - 1];
	target[last] = (
		isLocator(target[last]) ? { ...(target[last] as IDataObject), value } : value
	) as IDataObject[string];
	return copy;
}

function withAround(parameters: IDataObject, around: IDataObject | undefined): IDataObject {
	return Object.entries(around ?? {}).reduce(
		(result, [path, value]) => setAt(result, path, value),
		parameters,
	);
}

function shown(value: unknown): string {
	if (typeof value === 'string' && value.length > 40)
		return `"${value.slice(0, 8)}…" (${value.length} characters)`;
	return JSON.stringify(value);
}

/** The cases of one operation, from its plan and the fields its description lists. */
export function casesOf(
	description: INodeTypeDescription,
	resource: string,
	operation: string,
	plan: OperationPlan<never>,
): BadInputCase[] {
	const cases: BadInputCase[] = [];
	const fields = new Map(
		fieldsOf(description, resource, operation).map((field) => [field.path, field]),
	);
	const push = (
		field: Omit<FieldInfo, 'type'>,
		kind: CaseKind,
		bad: { value: unknown; mapped: boolean; what?: string },
		around?: IDataObject,
		editorMayRefuse = false,
	) =>
		cases.push({
			resource,
			operation,
			field: field.path,
			label: field.displayName,
			names: field.names,
			kind,
			value: shown(bad.value),
			what: bad.what ?? '',
			mapped: bad.mapped,
			editorMayRefuse,
			apply: (parameters) =>
				setAt(
					withAround(parameters, around),
					field.path,
					bad.mapped ? mapped(bad.value) : bad.value,
				),
		});
	const asMapped = (value: unknown, what?: string) => ({ value, mapped: true, what });
	const typed = (value: unknown) => ({ value, mapped: false });

	for (const [path, fieldPlan] of Object.entries(plan.fields)) {
		const field = fields.get(path);
		if (!field || fieldPlan.none) continue;
		const around = fieldPlan.with;
		const isList = field.type === 'multiOptions';
		if (fieldPlan.required && (field.type === 'collection' || field.type === 'fixedCollection')) {
			push(field, 'no field added', typed({}), around);
		} else if (fieldPlan.required || fieldPlan.notBlank) {
			const empty = isList ? [] : '';
			push(field, 'empty', typed(empty), around, Boolean(fieldPlan.required));
			if (fieldPlan.required) push(field, 'empty (mapped)', asMapped(empty), around);
			if (!isList) push(field, 'whitespace only', asMapped('   '), around);
		}
		if (fieldPlan.wrongType) {
			const { value, what } = WRONG_TYPES[fieldPlan.wrongType];
			const given =
				isList && !Array.isArray(value)
					? fieldPlan.wrongType === 'option'
						? ['not-an-option']
						: [value]
					: value;
			push(field, 'wrong type', asMapped(given, what), around);
		}
		if (fieldPlan.date)
			for (const date of MALFORMED_DATES) push(field, 'malformed date', asMapped(date), around);
		if (fieldPlan.maxLength !== undefined) {
			push(
				field,
				'over the limit',
				asMapped('x'.repeat(fieldPlan.maxLength + 1), `the limit is ${fieldPlan.maxLength}`),
				around,
			);
		}
	}

	for (const mapperField of plan.mapper?.fields ?? []) {
		const field = {
			path: `${plan.mapper!.path}.value.${mapperField.id}`,
			displayName: mapperField.displayName,
			names: [mapperField.displayName, mapperField.id],
		};
		if (mapperField.required) {
			push(field, 'empty', typed(''), undefined, true);
			push(field, 'empty (mapped)', asMapped(''));
			push(field, 'whitespace only', asMapped('   '));
		}
		if (mapperField.type === 'number')
			push(field, 'wrong type', asMapped('four', WRONG_TYPES.number.what));
		if (mapperField.type === 'options')
			push(field, 'wrong type', asMapped('Whenever', WRONG_TYPES.option.what));
		if (mapperField.type === 'dateTime')
			for (const date of MALFORMED_DATES) push(field, 'malformed date', asMapped(date));
	}
	return cases;
}

// ---- plans shared by every vendor ----

export const none = (why: string): FieldPlan => ({ none: why });
export const OUTPUT = none('shapes the node’s output only; nothing of it is sent');
/** Selected Fields' names, on node version 2 (the sweep runs version 1, where the field is not shown). */
export const OUTPUT_FIELDS = none(
	'names the output’s fields only; nothing of it is sent (none named is refused before any request: test/engine/taskOutput.test.ts)',
);
export const BOOLEAN = none('a switch: any value is on or off');
export const FREE_TEXT = none('free text: any text is valid and the vendor states no length limit');
export const RETURN_ALL = BOOLEAN;
export const LIMIT: FieldPlan = { wrongType: 'wholeNumber', with: { returnAll: false } };
export const rl = (
	value: string | number,
	mode: 'list' | 'id' | 'name' = 'id',
	cachedResultName?: string,
): IDataObject => ({
	__rl: true,
	mode,
	value: String(value),
	...(cachedResultName ? { cachedResultName } : {}),
});
