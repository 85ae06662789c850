// The parent page's snippet for a Cueline embed: the frame follows the height the embed page posts.
addEventListener('message', (event) => {
  const frame = document.getElementById('cueline-embed');
  if (!frame || event.source !== frame.contentWindow) return;
  const { type, height } = event.data ?? {};
  if (type === 'cue-embed-resize' && Number.isFinite(height)) frame.style.height = `${height}px`;
});
