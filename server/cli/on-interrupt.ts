/**
 * Runs `stop` on Ctrl-C instead of Node's silent default, which leaves a progress bar's hidden cursor hidden.
 * Returns the function that removes the handler.
 */
export function onInterrupt(stop: () => void): () => void {
  process.once('SIGINT', stop);
  return () => void process.off('SIGINT', stop);
}
