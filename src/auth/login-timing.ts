/** How many recent failed sign-ins the floor is learned from. */
const WINDOW = 64;

/**
 * Failed sign-ins take the same time whether the account exists or not (SECURITY.md #25).
 * Strapi answers an unknown identifier at once but a wrong password only after bcrypt, so every
 * `invalid_credentials` is held until a floor: LOGIN_FAILURE_FLOOR, or more if Strapi's recent
 * failures took longer (bcrypt on a loaded machine), which keeps the floor above the slow case.
 */
export class LoginTiming {
  private readonly recent: number[] = [];

  constructor(private readonly floorMs: number) {}

  /** Resolves once a failure that started at `startedAt` (performance.now()) may be answered. */
  async holdFailure(startedAt: number): Promise<void> {
    const took = performance.now() - startedAt;
    this.recent.push(took);
    if (this.recent.length > WINDOW) this.recent.shift();
    const wait = this.floor() - took;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  private floor(): number {
    const sorted = [...this.recent].sort((a, b) => a - b);
    const slow = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
    return Math.max(this.floorMs, slow * 1.2);
  }
}
