/**
 * A list of strings that also knows where each first stands, so that `includes` and
 * `indexOf` answer in constant time. micromark's footnote extension and mdast-util-to-hast
 * each keep footnote labels in a plain array and search it for every footnote reference,
 * which is quadratic in the number of footnotes (seconds for a report of thousands); they
 * are given this list instead, and use it as the array it is.
 */
export class IndexedList extends Array<string> {
  // Array methods that make new arrays (map, filter, slice) make plain ones.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  readonly #places = new Map<string, number>();

  override push(...items: string[]): number {
    for (const item of items) {
      if (!this.#places.has(item)) this.#places.set(item, this.length);
      super.push(item);
    }
    return this.length;
  }

  override includes(item: string, from?: number): boolean {
    return from === undefined ? this.#places.has(item) : super.includes(item, from);
  }

  override indexOf(item: string, from?: number): number {
    return from === undefined ? this.#places.get(item) ?? -1 : super.indexOf(item, from);
  }
}
