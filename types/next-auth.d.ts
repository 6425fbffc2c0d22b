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
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role: Role;
    enterpriseId: string | null;
    institutionId: string | null;
    memberRole: 'owner' | 'officer' | null;
  }
}
