/**
 * Give the host a turn between steps of a long use case, so that the browser paints and handles input, and
 * Node runs its I/O. File mode opened from file:// (how most town halls open it: no worker can start there)
 * read, extracted and consolidated 50 files in one 2 s task (10 s on a slow PC), its progress never painted
 * and the page frozen; each file is now a task of its own.
 *
 * setImmediate where there is one (Node, the CLI: no clamping, microseconds per turn); else a message through
 * a MessageChannel (browsers: a task of its own without the 4 ms clamp of nested setTimeout calls).
 */
export function yieldToHost(): Promise<void> {
  const host = globalThis as {
    setImmediate?: (callback: () => void) => unknown;
    MessageChannel?: typeof MessageChannel;
  };
  return new Promise((resolve) => {
    if (typeof host.setImmediate === 'function') {
      host.setImmediate(resolve);
      return;
    }
    if (host.MessageChannel) {
      const channel = new host.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
      return;
    }
    setTimeout(resolve, 0);
  });
}
