// Runs a maintenance script: a failure the operator can act on prints its
// message (no stack trace) and exits 1.
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const message = (error as { operatorMessage?: string }).operatorMessage;
    console.error(message ?? error);
    process.exit(1);
  }
}
