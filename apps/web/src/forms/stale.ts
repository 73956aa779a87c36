/**
 * The record changed under the form: its revision was stale (412), or another write won the race between the
 * check and the append (409 concurrent-modification). Either way the form's input is still good to send again
 * once the record is reloaded.
 */
export function isStaleRefusal(problem: { status: number; code?: string }): boolean {
  return problem.status === 412 || problem.code === 'concurrent-modification';
}
