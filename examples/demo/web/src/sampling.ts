// Streaming samplers.

/**
 * Keeps a uniform sample of `k` items from a stream of unknown length (Algorithm R).
 * J. S. Vitter, Random sampling with a reservoir, ACM TOMS 11(1), 1985.
 * https://doi.org/10.1145/3147.3165
 */
export class Reservoir<T> {
  private items: T[] = [];
  private seen = 0;

  constructor(private readonly k: number) {}

  offer(item: T): void {
    this.seen += 1;
    if (this.items.length < this.k) {
      this.items.push(item);
      return;
    }
    const j = Math.floor(Math.random() * this.seen);
    if (j < this.k) this.items[j] = item;
  }
}
