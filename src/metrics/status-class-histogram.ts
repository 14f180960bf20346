/** The classes a response status falls in; anything outside 100–599 counts as 5xx. */
const CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

/**
 * A histogram labelled by status class only, for the proxy's hot path: an observation is an index
 * computation and three array increments, with no label object, string or closure per request
 * (prom-client's own observe() builds all three). It renders itself in the Prometheus text
 * format at scrape time, next to the registry's metrics.
 */
export class StatusClassHistogram {
  private readonly buckets: Float64Array;
  private readonly sums = new Float64Array(CLASSES.length);
  private readonly counts = new Float64Array(CLASSES.length);
  private readonly width: number;

  constructor(
    readonly name: string,
    private readonly help: string,
    /** Upper bounds in seconds, ascending; +Inf is implied. */
    private readonly bounds: readonly number[],
  ) {
    this.width = bounds.length + 1;
    this.buckets = new Float64Array(CLASSES.length * this.width);
  }

  observe(statusCode: number, seconds: number): void {
    let cls = Math.trunc(statusCode / 100) - 1;
    if (cls < 0 || cls >= CLASSES.length) cls = CLASSES.length - 1;
    let bucket = 0;
    while (bucket < this.bounds.length && seconds > this.bounds[bucket]) bucket++;
    this.buckets[cls * this.width + bucket]++;
    this.sums[cls] += seconds;
    this.counts[cls]++;
  }

  /** The exposition lines: cumulative buckets, sum and count per status class seen so far. */
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    CLASSES.forEach((label, cls) => {
      if (this.counts[cls] === 0) return;
      let cumulative = 0;
      for (let bucket = 0; bucket < this.width; bucket++) {
        cumulative += this.buckets[cls * this.width + bucket];
        const le = bucket < this.bounds.length ? String(this.bounds[bucket]) : '+Inf';
        lines.push(`${this.name}_bucket{le="${le}",status_class="${label}"} ${cumulative}`);
      }
      lines.push(`${this.name}_sum{status_class="${label}"} ${this.sums[cls]}`);
      lines.push(`${this.name}_count{status_class="${label}"} ${this.counts[cls]}`);
    });
    return `${lines.join('\n')}\n`;
  }
}
