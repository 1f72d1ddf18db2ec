// @vitest-environment jsdom
import './dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred } from '../../src/taskpane/deferred';

function Counter({ label }: { label: string }) {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{`${label} ${n}`}</button>;
}

/** A loader the test resolves or rejects by hand. */
function manual() {
  const calls: { resolve: (c: typeof Counter) => void; reject: (e: Error) => void }[] = [];
  const load = () =>
    new Promise<typeof Counter>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { load, calls };
}

const wrap = (node: ReactNode) => <FluentProvider theme={webLightTheme}>{node}</FluentProvider>;
/** Rendered inside an awaited act(): React retries a suspended render only from there in jsdom. */
const renderAsync = async (node: ReactNode) => {
  let result!: ReturnType<typeof render>;
  await act(async () => {
    result = render(wrap(node));
  });
  return result;
};

describe('deferred components (the tabs after the first screen)', () => {
  afterEach(cleanup);

  it('show a spinner until their chunk is there, then the component, which keeps its state', async () => {
    const { load, calls } = manual();
    const Lazy = deferred(load, '読み込み中');
    const { rerender } = await renderAsync(<Lazy label="回数" />);
    expect(screen.getByText('読み込み中')).toBeTruthy();
    await act(async () => calls[0]!.resolve(Counter));
    fireEvent.click(await screen.findByRole('button', { name: '回数 0' }));
    rerender(wrap(<Lazy label="回数" />));
    expect(screen.getByRole('button', { name: '回数 1' })).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it('render at once, without a spinner, once preloaded', async () => {
    const { load, calls } = manual();
    const Lazy = deferred(load, '読み込み中');
    const preloaded = Lazy.preload();
    calls[0]!.resolve(Counter);
    await preloaded;
    render(wrap(<Lazy label="回数" />));
    expect(screen.queryByText('読み込み中')).toBeNull();
    expect(screen.getByRole('button', { name: '回数 0' })).toBeTruthy();
  });

  it('offer 再試行 when the chunk cannot be loaded, and load it again', async () => {
    // React reports the error the boundary caught; expected here.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { load, calls } = manual();
    const Lazy = deferred(load, '読み込み中');
    await renderAsync(<Lazy label="回数" />);
    await act(async () => calls[0]!.reject(new Error('offline')));
    expect((await screen.findByRole('alert')).textContent).toContain('読み込めませんでした');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '再試行' })));
    expect(calls).toHaveLength(2);
    await act(async () => calls[1]!.resolve(Counter));
    expect(await screen.findByRole('button', { name: '回数 0' })).toBeTruthy();
    logged.mockRestore();
  });
});
