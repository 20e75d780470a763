import { render, screen, within } from '@testing-library/react';
import { exampleQueueConfig, exampleQueueStats, exampleSalesQueueConfig } from '@icc/protocol';
import { EXAMPLE_IDS } from '../../testing/fixtures';
import { QueueStatsTable } from './queue-stats-table';

const queues = [exampleQueueConfig(), exampleSalesQueueConfig()];

function rowOf(queueName: string): string[] {
  const row = screen.getByRole('rowheader', { name: queueName }).closest('tr');
  if (!row) throw new Error(`no row for ${queueName}`);
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe('QueueStatsTable', () => {
  it('shows per queue depth, oldest wait, scheduled next hour, answer rate, preview time and agents', () => {
    render(<QueueStatsTable queues={queues} stats={[exampleQueueStats()]} />);

    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Queue',
      'In queue',
      'Oldest wait',
      'Scheduled next hour',
      'Answer rate',
      'Average preview time',
      'Agents available',
    ]);
    expect(rowOf('Support')).toEqual(['4', '5 min 12 s', '2', '78%21 of 27 calls', '39 s', '1']);
  });

  it('shows a dash where there is nothing to measure yet', () => {
    render(
      <QueueStatsTable
        queues={queues}
        stats={[
          exampleQueueStats({
            queueId: EXAMPLE_IDS.salesQueueId,
            depth: 0,
            offered: 0,
            answered: 0,
            noAnswer: 0,
            answerRate: null,
            averagePreviewSeconds: null,
          }),
        ]}
      />,
    );
    expect(rowOf('Sales')).toEqual(['0', '—', '2', '—', '—', '1']);
  });
});
