// Readiness: the database answers and every migration is applied (503 otherwise), so a load
// balancer sends traffic only to instances that can serve it. `/api/health` answers the same.
import { GET as health } from '../route';

export const dynamic = 'force-dynamic';

export function GET() {
  return health();
}
