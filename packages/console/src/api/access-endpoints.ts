// Typed calls of sign-in, officers' accounts and institutions' credentials (issue 13). Apart from
// endpoints.ts so that the access calls read in one place; every write carries the CSRF token
// (client.ts).
import { apiRead, apiSend } from './client';
import type {
  Account,
  AccountCreated,
  AccountCreateRequest,
  Credential,
  CredentialIssued,
  PasswordChangeRequest,
  PasswordReset,
  RolesChangeRequest,
  SessionBody,
  SignInRequest,
} from './access-types';

const seg = encodeURIComponent;

/** A list answered either as an array or as `{ items }`: the console reads both. */
function itemsOf<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}

export const accessApi = {
  /** Who is signed in; 401 when nobody is (not an ended session), 404 on a service without sign-in. */
  session: (signal?: AbortSignal) => apiRead<SessionBody>('/session', { signal, expect401: true }),
  signIn: (body: SignInRequest) => apiSend<SessionBody>('POST', '/session', body, { expect401: true }),
  signOut: () => apiSend<null>('DELETE', '/session', undefined, { expect401: true }),
  /** A wrong current password is a 403 naming `currentPassword`; a 401 here is an ended session. */
  changePassword: (body: PasswordChangeRequest) => apiSend<unknown>('POST', '/session/password', body),

  accounts: async (signal?: AbortSignal) =>
    itemsOf(await apiRead<Account[] | { items: Account[] }>('/accounts', { signal })),
  account: (id: string, signal?: AbortSignal) => apiRead<Account>(`/accounts/${seg(id)}`, { signal }),
  createAccount: (body: AccountCreateRequest) => apiSend<AccountCreated>('POST', '/accounts', body),
  changeRoles: (id: string, body: RolesChangeRequest) =>
    apiSend<Account>('PUT', `/accounts/${seg(id)}/roles`, body),
  disableAccount: (id: string, reason: string) =>
    apiSend<Account>('POST', `/accounts/${seg(id)}/disable`, { reason }),
  enableAccount: (id: string, reason: string) =>
    apiSend<Account>('POST', `/accounts/${seg(id)}/enable`, { reason }),
  unlockAccount: (id: string, reason: string) =>
    apiSend<Account>('POST', `/accounts/${seg(id)}/unlock`, { reason }),
  resetPassword: (id: string, reason: string) =>
    apiSend<PasswordReset>('POST', `/accounts/${seg(id)}/password-reset`, { reason }),

  credentials: async (institutionId: string, signal?: AbortSignal) =>
    itemsOf(
      await apiRead<Credential[] | { items: Credential[] }>(
        `/institutions/${seg(institutionId)}/credentials`,
        {
          signal,
        },
      ),
    ),
  issueCredential: (institutionId: string, label: string | undefined) =>
    apiSend<CredentialIssued>(
      'POST',
      `/institutions/${seg(institutionId)}/credentials`,
      label === undefined ? {} : { label },
    ),
  revokeCredential: (institutionId: string, keyId: string, reason: string) =>
    apiSend<Credential>('POST', `/institutions/${seg(institutionId)}/credentials/${seg(keyId)}/revocation`, {
      reason,
    }),
  rotateCredential: (institutionId: string, keyId: string) =>
    apiSend<CredentialIssued>(
      'POST',
      `/institutions/${seg(institutionId)}/credentials/${seg(keyId)}/rotation`,
      {},
    ),
};
