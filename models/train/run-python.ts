import { spawn } from 'node:child_process';

/** Debian's interpreter, which has torch, onnx and scikit-learn (the `python3` first on PATH does not). */
export const PYTHON = process.env.RAPPORT_PYTHON ?? '/usr/bin/python3';

/** Runs a Python script, streaming its output; rejects on a non-zero exit. */
export function runPython(script: string, args: readonly string[], cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [script, ...args], { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (e) => reject(new Error(`rapport/models: cannot run ${PYTHON}: ${e.message}`)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`rapport/models: ${script} exited with code ${code}.`)),
    );
  });
}
