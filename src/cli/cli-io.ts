/** What a CLI command may touch, so commands can be tested without a real terminal. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
}

/** A command returns its exit code; it never calls process.exit itself. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
