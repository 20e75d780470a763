import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import styles from './supervisor.module.css';

export interface ChartLine {
  label: string;
  values: readonly (number | null)[];
  color: string;
  /** `y2`: drawn against the right-hand axis. */
  scale?: 'y' | 'y2';
  dashed?: boolean;
  /** Marks every value: for sparse lines (one value an hour must still show). */
  points?: boolean;
}

interface TimeSeriesChartProps {
  title: string;
  /** What the lines say now, in words: the chart's text alternative. */
  summary: string;
  /** Epoch seconds. */
  times: readonly number[];
  lines: readonly ChartLine[];
  leftAxis: string;
  rightAxis?: string;
}

const HEIGHT = 180;

/**
 * One live line chart (uPlot on a canvas) with its title, a legend in HTML and a summary for
 * screen readers. The plot is created once per set of lines and fed new data as it arrives.
 */
export function TimeSeriesChart({ title, summary, times, lines, leftAxis, rightAxis }: TimeSeriesChartProps) {
  const id = useId();
  const mount = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const data = [times, ...lines.map((line) => line.values)] as unknown as uPlot.AlignedData;
  const shape = lines.map((line) => `${line.label}:${line.scale ?? 'y'}`).join('|');

  useEffect(() => {
    const element = mount.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: Math.max(240, element.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_self, _min, max) => [0, Math.max(1, max)] } },
      series: [
        {},
        ...lines.map((line) => ({
          label: line.label,
          stroke: line.color,
          width: 2,
          scale: line.scale ?? 'y',
          spanGaps: false,
          ...(line.dashed ? { dash: [6, 4] } : {}),
          ...(line.points ? { points: { show: true, size: 7, fill: line.color } } : {}),
        })),
      ],
      axes: [
        {},
        { label: leftAxis, scale: 'y' },
        ...(rightAxis ? [{ label: rightAxis, scale: 'y2', side: 1 as const, grid: { show: false } }] : []),
      ],
    };
    const created = new uPlot(options, [[]] as unknown as uPlot.AlignedData, element);
    plot.current = created;
    const resize = new ResizeObserver(() => created.setSize({ width: Math.max(240, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      created.destroy();
      plot.current = undefined;
    };
    // The plot is rebuilt only when the set of lines changes; data flows through setData below.
  }, [shape, leftAxis, rightAxis]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <figure className={styles.chart} aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption id={`${id}-title`} className={styles.chartTitle}>
        {title}
      </figcaption>
      <ul className={styles.legend} aria-label={`${title}: lines`}>
        {lines.map((line) => (
          <li key={line.label}>
            <span
              className={line.dashed ? `${styles.swatch} ${styles.swatchDashed}` : styles.swatch}
              style={{ borderColor: line.color }}
              aria-hidden="true"
            />
            {line.label}
          </li>
        ))}
      </ul>
      <div ref={mount} className={styles.plot} role="img" aria-label={summary} data-points={times.length} />
      <p id={`${id}-summary`} className="visually-hidden">
        {summary}
      </p>
    </figure>
  );
}
