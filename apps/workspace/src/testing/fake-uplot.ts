/** jsdom has no canvas: tests get this stand-in for uPlot, which records what each plot was given. */
export class FakeUplot {
  static readonly instances: FakeUplot[] = [];
  data: unknown[][] = [];

  constructor() {
    FakeUplot.instances.push(this);
  }

  setData(data: unknown[][]): void {
    this.data = data;
  }

  setSize(): void {}

  destroy(): void {}
}
