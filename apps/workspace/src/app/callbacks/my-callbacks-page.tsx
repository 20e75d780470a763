import { CallbackState, type Callback } from '@icc/protocol';
import { useCallback, useId, useMemo, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';
import { PageHeading } from '../ui/page-heading';
import { CancelCallbackDialog } from './cancel-callback-dialog';
import { CALLBACK_STATE_LABELS } from './callback-state-labels';
import { useUndoableCancel } from './use-undoable-cancel';
import { useCallbackLists } from './use-callback-lists';
import { NewCallbackDialog } from '../new-callback/new-callback-dialog';
import { CALLBACK_PANEL_ID, CALLBACK_TABS, CallbackTabs, callbackTabId } from './callback-tabs';
import { CallbacksTable } from './callbacks-table';
import { callbackTab, filterCallbacks, type CallbackTab } from './filter-callbacks';
import badgesCss from '../ui/badges.module.css';
import bannersCss from '../shell/banners.module.css';
import controlsCss from '../ui/controls.module.css';
import shellCss from '../shell/workspace-shell.module.css';
import tabsCss from './tabs.module.css';
import { cx } from '../ui/cx';

/**
 * My callbacks: the requests this agent handled (all of them for a supervisor); Scheduled adds the
 * upcoming work of their queues and the callbacks kept for them.
 */
export function MyCallbacksPage() {
  const session = useSession();
  const { me, interactions, queues } = useWorkspaceState();
  const [reloads, setReloads] = useState(0);
  const [tab, setTab] = useState<CallbackTab>('open');
  const [state, setState] = useState<CallbackState | 'all'>('all');
  const [search, setSearch] = useState('');
  const [actionMessage, setActionMessage] = useState<{ text: string; failed: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = useId();

  // Re-read whenever one of this agent's interactions changes state: that is when a request moves tab.
  const myInteractionStates = interactions
    .filter((interaction) => interaction.agentId === me.id)
    .map((interaction) => `${interaction.id}:${interaction.state}`)
    .join(' ');
  const list = useCallbackLists(`${myInteractionStates}#${reloads}`);

  const callbacks = useMemo(() => (list.kind === 'loaded' ? list.callbacks : []), [list]);
  const shown = useMemo(() => filterCallbacks(callbacks, { tab, state, search }), [callbacks, tab, state, search]);
  const counts = useMemo(() => {
    const byTab: Record<CallbackTab, number> = { open: 0, scheduled: 0, history: 0 };
    for (const callback of callbacks) byTab[callbackTab(callback)] += 1;
    return byTab;
  }, [callbacks]);
  const queueNames = useMemo(() => new Map(queues.map((queue) => [queue.id, queue.name])), [queues]);

  const [confirming, setConfirming] = useState<Callback | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const undone = useCallback(
    (callback: Callback) => setActionMessage({ text: `Cancel of ${callback.number} undone.`, failed: false }),
    [],
  );
  const { pending: pendingCancel, schedule: scheduleCancel, undo } = useUndoableCancel(cancel, undone);

  async function cancel(callback: Callback): Promise<void> {
    setBusy(true);
    try {
      await session.rest.cancelCallback(callback.id, { reason: 'Cancelled by the agent from My callbacks' });
      setActionMessage({ text: `Callback ${callback.number} cancelled.`, failed: false });
      setReloads((count) => count + 1);
    } catch (error) {
      setActionMessage({ text: `Cancel ${callback.number} failed: ${describeError(error)}`, failed: true });
    } finally {
      setBusy(false);
    }
  }

  const tabLabel = CALLBACK_TABS.find((entry) => entry.tab === tab)?.label ?? '';

  return (
    <div className="page">
      <div className={cx(shellCss.pageHeader, shellCss.pageHeaderSplit)}>
        <PageHeading>My callbacks</PageHeading>
        <div className={controlsCss.buttonRow}>
          <button type="button" className={cx(controlsCss.button, controlsCss.buttonSmall, controlsCss.buttonPrimary)} onClick={() => setCreating(true)}>
            New callback
          </button>
          <button type="button" className={cx(controlsCss.button, controlsCss.buttonSmall)} onClick={() => setReloads((count) => count + 1)}>
            Refresh
          </button>
        </div>
      </div>
      <CallbackTabs selected={tab} counts={counts} onSelect={setTab} />
      <div role="tabpanel" id={CALLBACK_PANEL_ID} aria-labelledby={callbackTabId(tab)} className={tabsCss.tabsPanel}>
        <div className={controlsCss.toolbar}>
          <div className={cx(controlsCss.field, controlsCss.fieldInline)}>
            <label htmlFor={`${id}-state`}>State</label>
            <select
              id={`${id}-state`}
              value={state}
              onChange={(event) => setState(event.target.value as CallbackState | 'all')}
            >
              <option value="all">All states</option>
              {CallbackState.options.map((option) => (
                <option key={option} value={option}>
                  {CALLBACK_STATE_LABELS[option]}
                </option>
              ))}
            </select>
          </div>
          <div className={cx(controlsCss.field, controlsCss.fieldInline, controlsCss.fieldGrow)}>
            <label htmlFor={`${id}-search`}>Search</label>
            <input
              id={`${id}-search`}
              type="search"
              value={search}
              placeholder="Customer, CB number, phone or summary"
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
        </div>
        <div role="status" className={badgesCss.commandStatus}>
          {pendingCancel ? (
            <p>
              Cancelling {pendingCancel.callback.number}…{' '}
              <button type="button" className={cx(controlsCss.button, controlsCss.buttonSmall)} onClick={undo}>
                Undo
              </button>
            </p>
          ) : (
            actionMessage && !actionMessage.failed && <p>{actionMessage.text}</p>
          )}
        </div>
        {actionMessage?.failed && (
          <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
            {actionMessage.text}
          </p>
        )}
        {list.kind === 'loading' && <p role="status">Loading callbacks…</p>}
        {list.kind === 'failed' && (
          <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
            Could not load callbacks: {list.message}
          </p>
        )}
        {list.kind === 'loaded' && (
          <>
            <p className={tabsCss.resultsSummary}>
              {shown.length} {tabLabel.toLowerCase()} callback{shown.length === 1 ? '' : 's'}
              {search.trim() !== '' && ` matching “${search.trim()}”`}
            </p>
            {shown.length > 0 && (
              <CallbacksTable
                callbacks={shown}
                queueNames={queueNames}
                meId={me.id}
                supervisor={me.role === 'supervisor'}
                busy={busy || pendingCancel !== undefined}
                onCancel={setConfirming}
              />
            )}
          </>
        )}
      </div>
      {creating && (
        <NewCallbackDialog
          onDismiss={() => setCreating(false)}
          onCreated={(callback) => {
            setCreating(false);
            const kept = callback.assignedAgentId === me.id ? ', kept for you' : '';
            setActionMessage({ text: `Callback ${callback.number} created for ${callback.customer.firstName} ${callback.customer.lastName}${kept}.`, failed: false });
            setReloads((count) => count + 1);
          }}
        />
      )}
      {confirming && (
        <CancelCallbackDialog
          callback={confirming}
          onDismiss={() => setConfirming(undefined)}
          onConfirm={() => {
            setConfirming(undefined);
            scheduleCancel(confirming);
          }}
        />
      )}
    </div>
  );
}
