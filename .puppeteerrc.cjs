// Never let puppeteer download a browser of its own: the tests drive the
// machine's Debian `chromium` and `firefox-esr` (see web-test-runner.config.mjs).
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
