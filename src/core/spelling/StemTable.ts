/**
 * A dictionary's stems with their flags, sorted by stem and found by binary search. It is the compiled form of
 * a .dic file: kept as two strings, it loads by splitting them, without building a Map of every stem (which,
 * for Russian and Kazakh together, is most of the second load's time).
 */
export class StemTable {
  readonly #stems: readonly string[];
  readonly #flags: readonly string[];
  /** The same stems in a Map, filled a slice at a time by `warm`: a look-up by hash is several times faster. */
  #map: Map<string, string> | undefined;
  #filling: Map<string, string> | undefined;

  private constructor(stems: readonly string[], flags: readonly string[]) {
    this.#stems = stems;
    this.#flags = flags;
  }

  static fromMap(map: ReadonlyMap<string, string>): StemTable {
    // Sorted by UTF-16 code units, the order the binary search compares in.
    const stems = [...map.keys()].sort();
    return new StemTable(
      stems,
      stems.map((stem) => map.get(stem) ?? ''),
    );
  }

  /** Reads what `compiled()` wrote; undefined when the text is not a compiled table (a damaged cache entry). */
  static fromCompiled(text: string): StemTable | undefined {
    const split = text.indexOf('\u0000');
    if (split < 0) return undefined;
    const stems = text.slice(0, split).split('\n');
    const flags = text.slice(split + 1).split('\n');
    return stems.length === flags.length ? new StemTable(stems, flags) : undefined;
  }

  /** Stems, then a NUL, then their flags, each list one per line (neither can hold a line break or a NUL). */
  compiled(): string {
    return `${this.#stems.join('\n')}\u0000${this.#flags.join('\n')}`;
  }

  get size(): number {
    return this.#stems.length;
  }

  #find(stem: string): number {
    let low = 0;
    let high = this.#stems.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.#stems[middle] as string;
      if (at === stem) return middle;
      if (at < stem) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /**
   * Moves up to `count` more stems into the hash map used for look-ups once it is complete; true when it is.
   * Called in slices between other work, so loading never waits for the whole map.
   */
  warm(count: number): boolean {
    if (this.#map) return true;
    const filling = (this.#filling ??= new Map());
    const end = Math.min(this.#stems.length, filling.size + count);
    for (let i = filling.size; i < end; i += 1)
      filling.set(this.#stems[i] as string, this.#flags[i] as string);
    if (filling.size < this.#stems.length) return false;
    this.#map = filling;
    this.#filling = undefined;
    return true;
  }

  get(stem: string): string | undefined {
    if (this.#map) return this.#map.get(stem);
    const i = this.#find(stem);
    return i < 0 ? undefined : this.#flags[i];
  }

  has(stem: string): boolean {
    if (this.#map) return this.#map.has(stem);
    return this.#find(stem) >= 0;
  }

  keys(): IterableIterator<string> {
    return this.#stems.values();
  }
}
