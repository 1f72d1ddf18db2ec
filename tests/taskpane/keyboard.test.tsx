// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fileHost, masterPort, renderApp } from './support';

afterEach(cleanup);

describe('keyboard', () => {
  it('reaches the tabs with Tab, moves between them with the arrow keys and opens one with Enter', async () => {
    const user = userEvent.setup();
    const { host } = fileHost(await masterPort());
    renderApp(host);
    await screen.findByLabelText('体系の件数');
    const planTab = screen.getByRole('tab', { name: '体系' });
    // From the top of the page: header buttons (open, download), then the selected tab.
    for (let i = 0; i < 5 && document.activeElement !== planTab; i++) await user.tab();
    expect(document.activeElement).toBe(planTab);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'シート作成' }));
    await user.keyboard('{ArrowRight}');
    const validate = screen.getByRole('tab', { name: '検証' });
    expect(document.activeElement).toBe(validate);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(validate.getAttribute('aria-selected')).toBe('true'));
    expect(screen.getByRole('tabpanel').id).toBe('panel-validate');
    // Tab moves from the tab list into the panel's first control.
    await user.tab();
    expect(screen.getByRole('tabpanel').contains(document.activeElement)).toBe(true);
  });

  it('every action in the pane is a real button (no clickable divs)', async () => {
    const { host } = fileHost(await masterPort());
    const { container } = renderApp(host);
    await screen.findByLabelText('体系の件数');
    expect(container.querySelectorAll('div[onclick], span[onclick]')).toHaveLength(0);
    for (const b of screen.getAllByRole('button')) expect(b.tagName).toBe('BUTTON');
  });
});
