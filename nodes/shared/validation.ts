import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeParameterResourceLocator,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { parseDate } from './dates';

/** One rule for one node parameter; `path` is the parameter's name, e.g. 'taskId' or 'updateFields.status'. */
export type FieldRule =
	| { path: string; label: string; kind: 'required' }
	| { path: string; label: string; kind: 'notBlankWhenGiven' }
	| { path: string; label: string; kind: 'oneOf'; allowed: readonly string[] }
	| { path: string; label: string; kind: 'date' }
	| { path: string; label: string; kind: 'notEmptyCollection' }
	| { path: string; label: string; kind: 'wholeNumber' }
	| { path: string; label: string; kind: 'uuid' }
	| { path: string; label: string; kind: 'maxLength'; max: number }
	/** Text or a number, such as an ID: not a whole record (an object), a list or true/false mapped into it. */
	| { path: string; label: string; kind: 'text' }
	/** A list (or comma-separated text) whose every entry is a UUID. */
	| { path: string; label: string; kind: 'uuidList' }
	/** A list (or comma-separated text) whose every entry is one of `allowed`. */
	| { path: string; label: string; kind: 'eachOneOf'; allowed: readonly string[] }
	/** Required when `otherPath` holds `when` (a field shown only for that choice). */
	| {
			path: string;
			label: string;
			kind: 'requiredWhen';
			otherPath: string;
			otherLabel: string;
			when: string;
			whenLabel: string;
	  }
	/** When this field is given, `otherPath` must hold one of `allowed`. */
	| {
			path: string;
			label: string;
			kind: 'needs';
			otherPath: string;
			otherLabel: string;
			allowed: readonly string[];
	  };

/** The forms a value can be checked for beside its presence. */
type Form = 'text' | 'uuid' | 'wholeNumber';

/** A value the operation cannot do without: given, and of its form (text, a UUID, a whole number). */
export function requiredAs(form: Form, path: string, label: string): FieldRule[] {
	return [
		{ path, label, kind: 'required' },
		{ path, label, kind: form },
	];
}

/** A value that may be left out, but not added and left empty: given, it is of its form. */
export function optionalAs(form: Form, path: string, label: string): FieldRule[] {
	return [
		{ path, label, kind: 'notBlankWhenGiven' },
		{ path, label, kind: form },
	];
}

/** An ID or name the operation cannot do without: given, and text (not a whole record mapped in). */
export function requiredText(path: string, label: string): FieldRule[] {
	return requiredAs('text', path, label);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One item's parameters, each read from n8n once: every read resolves its expressions again. */
export type ParameterReader = (path: string) => unknown;

/** Reads parameters through `read`, each head once; a dotted path looks inside a collection. */
function readerOver(read: (name: string) => unknown): ParameterReader {
	const values = new Map<string, unknown>();
	return (path) => {
		const [head, ...rest] = path.split('.');
		if (!values.has(head)) values.set(head, read(head));
		let value = values.get(head);
		for (const key of rest) {
			value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
		}
		if (value && typeof value === 'object' && (value as INodeParameterResourceLocator).__rl) {
			return (value as INodeParameterResourceLocator).value;
		}
		return value;
	};
}

// A parameter the editor hides (Limit while Return All is on) is not there: it reads as blank.
function parameterReader(context: IExecuteSingleFunctions): ParameterReader {
	return readerOver((name) => context.getNodeParameter(name, null));
}

/** The same reader for a programmatic operation's item. */
export function executeParameterReader(
	context: IExecuteFunctions,
	itemIndex: number,
): ParameterReader {
	return readerOver((name) => context.getNodeParameter(name, itemIndex, null));
}

/** Nothing given: absent, null, or only spaces. */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

/** The value of a resource locator (or a plain field), trimmed; undefined when blank. */
export function locatorValue(value: unknown): string | undefined {
	const raw =
		value && typeof value === 'object' ? (value as INodeParameterResourceLocator).value : value;
	return isBlank(raw) ? undefined : String(raw).trim();
}

/** The entries of a list field: a list, or text separated by commas; blanks left out. */
function entriesOf(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : isBlank(value) ? [] : String(value).split(',');
	return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

/** Why a value is not text (or a number), in words the user reads; undefined when it is. */
function notTextProblem(label: string, value: unknown): string | undefined {
	const what = Array.isArray(value)
		? 'a list'
		: typeof value === 'boolean'
			? 'true or false'
			: value !== null && typeof value === 'object'
				? 'an object (map the ID, not the whole record)'
				: undefined;
	return what === undefined ? undefined : `"${label}" must be text, not ${what}`;
}

/** Why a value is none of an options field's values; undefined when it is one. */
export function notOneOfProblem(
	label: string,
	allowed: readonly string[],
	value: unknown,
): string | undefined {
	return allowed.includes(String(value))
		? undefined
		: `"${label}" must be one of ${allowed.join(', ')} (got "${String(value)}")`;
}

/** Why a value breaks a rule, or undefined when it does not. */
function problemWith(
	valueOf: ParameterReader,
	rule: FieldRule,
	value: unknown,
): string | undefined {
	switch (rule.kind) {
		case 'needs': {
			const other = valueOf(rule.otherPath);
			return isBlank(value) || rule.allowed.includes(String(other))
				? undefined
				: `"${rule.label}" needs "${rule.otherLabel}" set to ${rule.allowed.join(' or ')}`;
		}
		case 'required':
			return isBlank(value) ? `"${rule.label}" is required` : undefined;
		case 'requiredWhen':
			// Its value may be a comma-separated list: commas alone name nothing.
			return valueOf(rule.otherPath) === rule.when && isBlank(String(value ?? '').replace(/,/g, ''))
				? `"${rule.label}" is required when "${rule.otherLabel}" is ${rule.whenLabel}`
				: undefined;
		case 'notBlankWhenGiven':
			return value !== undefined && isBlank(value) ? `"${rule.label}" cannot be empty` : undefined;
		case 'notEmptyCollection':
			return !value || Object.keys(value as IDataObject).length === 0
				? `Add at least one field under "${rule.label}"`
				: undefined;
		case 'oneOf':
			return isBlank(value) ? undefined : notOneOfProblem(rule.label, rule.allowed, value);
		case 'wholeNumber':
			return isBlank(value) || /^\d+$/.test(String(value).trim())
				? undefined
				: `"${rule.label}" must be a whole number (got "${String(value)}")`;
		case 'uuid':
			return isBlank(value) || UUID.test(String(value).trim())
				? undefined
				: `"${rule.label}" must be a UUID (got "${String(value)}")`;
		case 'maxLength':
			return typeof value === 'string' && value.length > rule.max
				? `"${rule.label}" can be at most ${rule.max} characters (got ${value.length})`
				: undefined;
		case 'date':
			return isBlank(value) || parseDate(value)
				? undefined
				: `"${rule.label}" is not a valid date (got "${String(value)}")`;
		case 'text':
			return notTextProblem(rule.label, value);
		case 'uuidList': {
			const bad = entriesOf(value).find((entry) => !UUID.test(entry));
			return bad === undefined ? undefined : `"${rule.label}" must hold UUIDs only (got "${bad}")`;
		}
		case 'eachOneOf': {
			const bad = entriesOf(value).find((entry) => !rule.allowed.includes(entry));
			return bad === undefined
				? undefined
				: `"${rule.label}" can hold only ${rule.allowed.join(', ')} (got "${bad}")`;
		}
	}
}

/** The error for bad input in one field of one item, raised before anything is sent. */
export function fieldRefusal(
	node: INode,
	itemIndex: number,
	message: string,
	label: string,
): NodeOperationError {
	return new NodeOperationError(node, message, {
		itemIndex,
		description: `Check the "${label}" field. Nothing was sent.`,
	});
}

/** Builds the request (its URL, its body) from the values the input checks read. */
export type BuildFromValues = (
	this: IExecuteSingleFunctions,
	valueOf: ParameterReader,
	requestOptions: IHttpRequestOptions,
) => IHttpRequestOptions | Promise<IHttpRequestOptions>;

/**
 * A declarative preSend step: refuses bad input before any request is sent, naming the field. `build`, when
 * given, then shapes the request from the values just checked: n8n resolves a parameter's expressions again at
 * every read, and a URL expression such as `{{$parameter.taskId}}` or a routed field would read them again.
 */
export function validateFields(rules: FieldRule[], build?: BuildFromValues): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const valueOf = checkValues(this.getNode(), this.getItemIndex(), rules, parameterReader(this));
		return build ? await build.call(this, valueOf, requestOptions) : requestOptions;
	};
}

/** Refuses an item's bad input, naming the field, before anything is sent; returns the values read. */
export function checkValues(
	node: INode,
	itemIndex: number,
	rules: FieldRule[],
	valueOf: ParameterReader,
): ParameterReader {
	for (const rule of rules) {
		const problem = problemWith(valueOf, rule, valueOf(rule.path));
		if (problem) throw fieldRefusal(node, itemIndex, problem, rule.label);
	}
	return valueOf;
}
