import type { DefaultSession } from 'next-auth';
import type { Role } from '../lib/auth/actor';

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & {
      id: string;
      role: Role;
      enterpriseId: string | null;
      institutionId: string | null;
      memberRole: 'owner' | 'officer' | null;
      /** users.session_version when the session was issued (lib/auth/account.ts). */
      sessionVersion?: number;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role: Role;
    enterpriseId: string | null;
    institutionId: string | null;
    memberRole: 'owner' | 'officer' | null;
    /** users.session_version at sign-in; a different version in the row ends the session. */
    sv?: number;
  }
}
