/** The administrator's reads and writes of local user accounts (GET/POST /admin/users). */
import { call } from '../api/client';
import { useRemote } from './useRemote';

export interface UserAccount {
  username: string;
  displayName: string;
  roles: string[];
  ou: string;
  department?: string;
  disabled: boolean;
  createdAt: string;
}

export const useUsers = () => useRemote(async () => (await call<{ items: UserAccount[] }>('GET', '/admin/users')).data.items, 'users');

export const disableUser = (username: string) => call('POST', `/admin/users/${encodeURIComponent(username)}/disable`);
