import { ProblemException } from '../http/problem';
import { AuthenticatedRequest } from './access.guard';

/**
 * The org unit whose events a caller receives (routes whose policy scope is `own`: the feed, consumer
 * groups). The access guard has made sure there is a caller; without one nothing is answered.
 */
export function callerScope(request: AuthenticatedRequest): string {
  const scope = request.principal?.ou;
  if (scope === undefined) throw ProblemException.of(401, 'unauthenticated');
  return scope;
}
