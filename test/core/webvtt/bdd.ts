/**
 * Typed handles on mocha's BDD globals (the project has no @types/mocha, and
 * tsconfig's `types` is empty), so these tests type-check on their own.
 */
type Body = () => void | Promise<unknown>;
interface Bdd {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
}
const bdd = globalThis as unknown as Bdd;

export function describe(title: string, body: () => void): void {
  bdd.describe(title, body);
}

export function it(title: string, body: Body): void {
  bdd.it(title, body);
}
