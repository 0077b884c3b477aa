import type { IExecuteFunctions } from 'n8n-workflow';
import type { DateTime } from 'luxon';
import { parseDate } from '../shared/dates';
import {
	checkValues,
	fieldRefusal,
	isBlank,
	requiredText,
	type FieldRule,
	type ParameterReader,
} from '../shared/validation';
import { shiftIdsLabel } from './fields';

/** Task, master-task and employee-task IDs are ULIDs (seed 004), which Humanity writes in lower case. */
const ULID = /^[0-9a-hjkmnp-tv-z]{26}$/i;

/** The start and due time of a time-boxed task, as Humanity's datetimes. */
export interface TimeBox {
	startTime: string;
	dueTime: string;
}

interface WholeNumbersOptions {
	/** What the entries are, in the message for a bad one. */
	what?: string;
	/** What the list needs one of, when it cannot be empty. */
	atLeastOne?: string;
}

export type HumanityInput = ReturnType<typeof humanityInput>;

/**
 * Humanity's typed readers over one item's values (`valueOf`, after the operation's rules): each runs the
 * shared checks it needs, then Humanity's own, and refuses bad input naming the field before anything is sent.
 */
export function humanityInput(
	context: IExecuteFunctions,
	itemIndex: number,
	valueOf: ParameterReader,
) {
	const node = context.getNode();
	const zone = context.getTimezone();
	const refuse = (message: string, label: string) => fieldRefusal(node, itemIndex, message, label);
	const check = (rules: FieldRule[]) => checkValues(node, itemIndex, rules, valueOf);

	/** A date the user must give, read in the workflow's time zone unless it names its own. */
	function dateAt(path: string, label: string): DateTime {
		check([
			{ path, label, kind: 'required' },
			{ path, label, kind: 'date' },
		]);
		return parseDate(valueOf(path), zone)!;
	}

	/** An n8n date as Humanity's datetimes: ISO 8601 in UTC with `+00:00` (seed 004). */
	function dateTime(path: string, label: string): string {
		return dateAt(path, label).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	/** Refuses a due time that is not after the start time. */
	function inOrder(box: TimeBox, startLabel = 'Start Time', dueLabel = 'Due Time'): TimeBox {
		if (Date.parse(box.dueTime) <= Date.parse(box.startTime)) {
			const message = `"${dueLabel}" (${box.dueTime}) must be after "${startLabel}" (${box.startTime})`;
			throw refuse(message, dueLabel);
		}
		return box;
	}

	/** Whole-number IDs: a list, or text separated by commas or spaces. */
	function wholeNumbers(path: string, label: string, options: WholeNumbersOptions = {}): number[] {
		const value = valueOf(path);
		const entries = (
			Array.isArray(value) ? value.map(String) : isBlank(value) ? [] : String(value).split(/[\s,]+/)
		)
			.map((entry) => entry.trim())
			.filter((entry) => entry !== '');
		if (entries.length === 0 && options.atLeastOne)
			throw refuse(`"${label}" needs at least one ${options.atLeastOne}`, label);
		const bad = entries.find((entry) => !/^\d+$/.test(entry));
		if (bad !== undefined)
			throw refuse(
				`"${label}" must hold ${options.what ?? 'IDs'}, whole numbers (got "${bad}")`,
				label,
			);
		return entries.map(Number);
	}

	return {
		itemIndex,
		valueOf,
		refuse,
		check,
		dateTime,
		inOrder,

		/** A ULID (task, master task, employee task), lower case as Humanity writes them. */
		ulid(path: string, label: string): string {
			check(requiredText(path, label));
			const id = String(valueOf(path)).trim();
			if (!ULID.test(id))
				throw refuse(`"${label}" must be a 26-character ULID (got "${id}")`, label);
			return id.toLowerCase();
		},

		/** A time-boxed task needs both times: refuses the first one not given. */
		timesGiven(startPath: string, duePath: string, labelOf = (field: string) => field): void {
			for (const [path, field] of [
				[startPath, 'Start Time'],
				[duePath, 'Due Time'],
			]) {
				const label = labelOf(field);
				if (isBlank(valueOf(path)))
					throw refuse(`"${label}" is required for a time-boxed task`, label);
			}
		},

		/** Start and due time of a time-boxed task, both required and in order; `labelOf` names them as the editor shows them. */
		timeBox(startPath: string, duePath: string, labelOf = (field: string) => field): TimeBox {
			const [start, due] = [labelOf('Start Time'), labelOf('Due Time')];
			return inOrder(
				{ startTime: dateTime(startPath, start), dueTime: dateTime(duePath, due) },
				start,
				due,
			);
		},

		wholeNumbers,

		/** An n8n date as the day Humanity's shift filters take (yyyy-MM-dd), in the workflow's time zone. */
		day(path: string, label: string): string {
			return dateAt(path, label).setZone(zone).toFormat('yyyy-MM-dd');
		},

		/** The Shift IDs field (picked or typed): at least one, each once. */
		shiftIds(): number[] {
			const ids = wholeNumbers('shiftIds', shiftIdsLabel(node.typeVersion), {
				what: 'shift IDs',
				atLeastOne: 'shift ID',
			});
			return [...new Set(ids)];
		},

		/** Return All and Limit as one number: Infinity when all are wanted. */
		limit(): number {
			if (valueOf('returnAll')) return Infinity;
			const given = valueOf('limit') ?? 50;
			const limit = Number(given);
			if (!Number.isInteger(limit) || limit < 1)
				throw refuse(
					`"Limit" must be a whole number of at least 1 (got "${String(given)}")`,
					'Limit',
				);
			return limit;
		},
	};
}
