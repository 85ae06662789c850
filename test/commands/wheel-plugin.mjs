// @ts-check
/**
 * A test-runner command that turns a real mouse wheel (the browser's own input
 * pipeline, as a reader's wheel), which @web/test-runner-commands lacks:
 * `executeServerCommand('send-wheel', { position: [x, y], deltaY })`.
 * @returns {import('@web/test-runner-core').TestRunnerPlugin}
 */
export function wheelPlugin() {
  return {
    name: 'send-wheel-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'send-wheel') return undefined;
      const p = /** @type {{ position?: unknown, deltaY?: unknown }} */ (payload ?? {});
      const pos = p.position;
      if (!Array.isArray(pos) || !Number.isInteger(pos[0]) || !Number.isInteger(pos[1]) || typeof p.deltaY !== 'number') {
        throw new Error('send-wheel needs { position: [x, y] (integers), deltaY: number }');
      }
      if (session.browser.type !== 'puppeteer') throw new Error(`send-wheel is not implemented for ${session.browser.type}`);
      const page = /** @type {{ getPage(id: string): import('puppeteer-core').Page }} */ (/** @type {unknown} */ (session.browser)).getPage(session.id);
      await page.mouse.move(pos[0], pos[1]);
      await page.mouse.wheel({ deltaY: p.deltaY });
      return true;
    },
  };
}
