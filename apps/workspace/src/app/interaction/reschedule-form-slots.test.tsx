import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithSession } from '../../testing/render-with-session';
import { RescheduleForm } from './reschedule-form';

describe('RescheduleForm free slots', () => {
  it("offers the callback's queue's free slots; the one picked is what Confirm reschedule sends", async () => {
    const user = userEvent.setup({ delay: null });
    const start = new Date(Date.now() + 86_400_000);
    start.setUTCMinutes(30, 0, 0);
    const onReschedule = jest.fn();
    const { session } = renderWithSession(<RescheduleForm disabled={false} queueId="callbacks-office" onReschedule={onReschedule} onCancel={jest.fn()} />, {
      slots: [{ start: start.toISOString(), end: new Date(start.getTime() + 300_000).toISOString(), localStart: '', booked: 4, remaining: 96 }],
    });
    await screen.findByRole('option', { name: /96 left/ });
    expect(session.slotQueries).toEqual(['callbacks-office']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Free slot' }), start.toISOString());
    await user.click(screen.getByRole('button', { name: 'Confirm reschedule' }));
    expect(onReschedule).toHaveBeenCalledWith(start.toISOString(), undefined, false);
  });
});
