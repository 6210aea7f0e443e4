/**
 * Collects garbage before a measured run when Node was started with --expose-gc (as `npm run bench` is),
 * so that one run does not pay for the previous run's garbage.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
