/** jsdom has no canvas: tests get this stand-in for uPlot, which records what each plot was given. */
export class FakeUplot {
  static readonly instances: FakeUplot[] = [];
  data: unknown[][] = [];
  size: { width: number; height: number } | undefined;
  destroyed = false;

  constructor() {
    FakeUplot.instances.push(this);
  }

  setData(data: unknown[][]): void {
    this.data = data;
  }

  setSize(size: { width: number; height: number }): void {
    this.size = size;
  }

  destroy(): void {
    this.destroyed = true;
  }
}
