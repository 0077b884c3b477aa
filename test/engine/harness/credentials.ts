/**
 * Credentials as n8n's server keeps and applies them: the stored data, the generic `authenticate` block
 * resolved against `$credentials`, and preAuthentication run when the expirable token is empty or refused.
 */
import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { CREDENTIAL_TYPES } from './packTypes';

/** Stored credentials, by id: what n8n keeps in its database (tokens written back by preAuthentication land here). */
export class CredentialStore {
	private readonly byId = new Map<string, { type: string; data: ICredentialDataDecryptedObject }>();
	private nextId = 1;

	add(type: string, data: ICredentialDataDecryptedObject): INodeCredentialsDetails {
		const id = String(this.nextId++);
		this.byId.set(id, { type, data: { ...data } });
		return { id, name: `${type} ${id}` };
	}
	data(id: string): ICredentialDataDecryptedObject {
		const entry = this.byId.get(id);
		if (!entry) throw new Error(`No credential ${id}`);
		return entry.data;
	}
	update(id: string, data: ICredentialDataDecryptedObject) {
		this.data(id);
		this.byId.get(id)!.data = { ...data };
	}
}

/** The parts of n8n's server-side CredentialsHelper that a node's requests go through. */
export class PackCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}
	/** The types a credential type extends, as n8n's CredentialTypes reports them (OAuth2 credentials list oAuth2Api). */
	getParentTypes(typeName: string): string[] {
		const parents = CREDENTIAL_TYPES[typeName]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	getCredentialsProperties(type: string): INodeProperties[] {
		return CREDENTIAL_TYPES[type].properties;
	}

	/** Generic auth blocks: every key and value is an n8n expression resolved against $credentials. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = CREDENTIAL_TYPES[typeName];
		const options = requestOptions as IHttpRequestOptions & IDataObject;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate?.type === 'generic') {
			const resolve = (value: string) =>
				value.startsWith('=')
					? String(
							workflow.expression.getSimpleParameterValue(node, value, 'internal', {
								$credentials: credentials,
							}),
						)
					: value;
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				const target = ((options[section] as IDataObject | undefined) ??= {});
				for (const [key, value] of Object.entries(entries as IDataObject)) {
					target[resolve(key)] = resolve(String(value));
				}
			}
		}
		return options;
	}

	/** As n8n does: run preAuthentication when the expirable field is empty or the server rejected it. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = CREDENTIAL_TYPES[typeName];
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details?.id)
			this.store.update(details.id, {
				...credentials,
				...output,
			} as ICredentialDataDecryptedObject);
		return Object.assign(credentials, output);
	}
	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}
	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const credentials = new Credentials(details, type);
		credentials.setData(this.store.data(details.id!));
		return credentials;
	}
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		details: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.store.data(details.id!) };
	}
	async updateCredentials(
		details: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.update(details.id!, data);
	}
	async updateCredentialsOauthTokenData() {}
}
